import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { LambdaHandler } from '../../analysis/analyze.js';
import { enclosingFunction } from '../../analysis/completions.js';
import type { ValueResolver } from '../../analysis/resolve.js';
import { skipTypeWrappers } from '../../analysis/resolve.js';
import { requiredModule } from '../../analysis/source-files.js';
import { constInit, importSource } from '../../analysis/wrappers.js';
import { CONTRACT } from '../../contract/proxy-contract.js';
import { fixOrSuggest } from '../../fixes/fix-or-suggest.js';
import type { ResponseReporter } from './context.js';

/**
 * Routers and adapters whose call makes the whole response from the event: Powertools event-handler's
 * `app.resolve(event, context)`, lambda-api's `api.run(event, context)`, and the functions that
 * serverless-http, serverless-express, hono and middy make. A handler that calls one and drops its
 * value answers `undefined` (aws-powertools/powertools-lambda-typescript#4593).
 */
const ROUTER_CLASS_MODULE = /^@aws-lambda-powertools\/event-handler(?:\/http)?$/u;
const ROUTER_METHOD = new Map([
  ['resolve', 'powertools'],
  ['run', 'lambda-api'],
]);
const ADAPTER_MODULES = new Set([
  'serverless-http',
  '@codegenie/serverless-express',
  '@vendia/serverless-express',
  'hono/aws-lambda',
  '@middy/core',
  'middy',
]);

/** Whether a file's text names a module whose router or adapter this check knows: else it has nothing to do. */
export function mayCallRouter(text: string): boolean {
  return text.includes('@aws-lambda-powertools/event-handler') || text.includes('lambda-api') || [...ADAPTER_MODULES].some((module) => text.includes(module));
}

/** `app.resolve(event, context);` and the like, whose answer the handler drops; true when one was found. */
export function checkUnreturnedRouter(
  handler: LambdaHandler,
  resolver: ValueResolver,
  reporter: ResponseReporter,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const fn = handler.function;
  if (fn.body.type !== 'BlockStatement') return false;
  const body = fn.body;
  let found = false;
  resolver.walk(body, (node) => {
    if (node.type !== 'ExpressionStatement') return;
    const expression = skipTypeWrappers(node.expression);
    const call = skipTypeWrappers(expression.type === 'AwaitExpression' ? expression.argument : expression);
    if (call.type !== 'CallExpression' || enclosingFunction(node) !== fn || !makesResponse(call, resolver)) return;
    // Nobody reads the answer of an SNS, S3 or scheduled function: asked only now, as it may ask the types.
    if (handler.answerIgnored) return;
    found = true;
    const last = body.body.at(-1) === node;
    const contract = CONTRACT[handler.integration];
    reporter.report({
      check: 'response-type',
      node: call,
      messageId: 'unreturnedResponse',
      data: { integration: contract.name, answer: contract.malformed, call: callText(call, sourceCode) },
      // As written the handler always answers `undefined`; returning the call is the one answer.
      ...fixOrSuggest('fails-as-written', last ? { messageId: 'returnResponse', fix: (fixer) => fixer.insertTextBefore(node, 'return ') } : undefined),
    });
  });
  return found;
}

/** `app.resolve(...)`, `api.run(...)`, `serverless(app)(...)`, `proxy(...)` with `const proxy = serverless(app)`. */
function makesResponse(call: TSESTree.CallExpression, resolver: ValueResolver): boolean {
  const callee = skipTypeWrappers(call.callee);
  if (callee.type === 'MemberExpression' && callee.property.type === 'Identifier' && callee.object.type === 'Identifier') {
    const kind = ROUTER_METHOD.get(callee.property.name);
    const init = kind && constInit(callee.object, resolver);
    if (!init) return false;
    const made = skipTypeWrappers(init);
    if (kind === 'powertools') return made.type === 'NewExpression' && made.callee.type === 'Identifier' && ROUTER_CLASS_MODULE.test(importSource(made.callee, resolver) ?? '');
    // `const api = require('lambda-api')()`, or `createAPI()` imported from it.
    if (made.type !== 'CallExpression') return false;
    const maker = skipTypeWrappers(made.callee);
    return (maker.type === 'CallExpression' && requiredModule(maker) === 'lambda-api') || (maker.type === 'Identifier' && importSource(maker, resolver) === 'lambda-api');
  }
  const init = callee.type === 'Identifier' ? constInit(callee, resolver) : callee;
  const made = init && skipTypeWrappers(init);
  return made?.type === 'CallExpression' && isAdapterCall(made, resolver);
}

/** `serverless(app)`, `serverlessExpress({ app })`, `handle(app)`, `middy(fn).use(x)`. */
function isAdapterCall(call: TSESTree.CallExpression, resolver: ValueResolver): boolean {
  let callee = skipTypeWrappers(call.callee);
  while (callee.type === 'MemberExpression' && callee.object.type === 'CallExpression') callee = skipTypeWrappers(callee.object.callee);
  return callee.type === 'Identifier' && ADAPTER_MODULES.has(importSource(callee, resolver) ?? '');
}

/** The call as a message shows it: `app.resolve(…)`. */
function callText(call: TSESTree.CallExpression, sourceCode: Readonly<TSESLint.SourceCode>): string {
  const callee = sourceCode.getText(call.callee);
  return `${callee.length > 40 ? `${callee.slice(0, 37)}...` : callee}(…)`;
}
