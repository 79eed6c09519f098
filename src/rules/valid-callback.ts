import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { analyzeFile, type LambdaHandler } from '../analysis/analyze.js';
import { CompletionTracker } from '../analysis/code-paths.js';
import { type CompletionCall, enclosingFunction } from '../analysis/completions.js';
import { skipTypeWrappers } from '../analysis/resolve.js';
import type { ResolvedValue } from '../analysis/shape.js';
import { classicRuntimeLabel } from '../analysis/runtime.js';
import { hasProxyKeys } from '../analysis/shape.js';
import { CONTRACT } from '../contract/proxy-contract.js';
import { convertToAsyncFix } from '../fixes/convert-to-async.js';
import { fixOrSuggest } from '../fixes/fix-or-suggest.js';
import { CONVERT_TO_ASYNC, CONVERT_TO_ASYNC_TEXT } from '../fixes/shared-suggestions.js';
import { createRule } from '../util/create-rule.js';
import { handlerHeadLocation } from '../util/handler-location.js';

type MessageIds =
  | 'responseAsError'
  | 'calledTwice'
  | 'callbackInAsync'
  | 'noCompletion'
  | 'clientError'
  | typeof CONVERT_TO_ASYNC
  | 'answerClientError';

/** `[404] Not found`: the status a message gives outright. */
const EXPLICIT_STATUS = /\[(4\d\d)\]/u;
const NUMBERED_STATUS = /\b(4\d\d)\b/u;

interface TrackedHandler {
  readonly handler: LambdaHandler;
  readonly calls: ReadonlyMap<TSESTree.CallExpression, CompletionCall>;
  /** Every completion happens in the handler's own body: the path checks can see all of them. */
  readonly contained: boolean;
}

export default createRule<[], MessageIds>({
  name: 'valid-callback',
  meta: {
    type: 'problem',
    docs: {
      description: 'Report callback and `context.succeed` uses that answer an error or `null` instead of the response',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      responseAsError:
        'The response is passed as the callback\'s error argument: on {{runtime}} the runtime reports a function error ("[object Object]") and API Gateway answers 502. Pass `null` first: `callback(null, response)`.',
      calledTwice:
        'On some path the callback (or `context.succeed/fail/done`) was already called before this call: the runtime keeps the first answer and silently ignores this one.',
      callbackInAsync:
        'This async handler also calls its callback: on {{runtime}} the callback and the returned promise race and whichever settles first is the response, often `null`; Node.js 24 refuses the handler at start-up.',
      noCompletion:
        'On some path this handler ends without calling its callback or `context.succeed/fail/done` and without throwing: on {{runtime}} the runtime answers `null` once the event loop is empty (API Gateway: 502), or nothing until the function times out.',
      clientError:
        '{{integration}} answers {{answer}} for every function error, so the client never sees the {{status}} this error means. Answer `{ statusCode: {{status}}, body }` instead; the `[{{status}}]` convention works only in serverless-offline.',
      [CONVERT_TO_ASYNC]: CONVERT_TO_ASYNC_TEXT,
      answerClientError: 'Answer `{ statusCode: {{status}}, body: JSON.stringify({ message }) }`.',
    },
  },
  create(context) {
    // Files without a handler cost one scan of their top-level statements, and no listener.
    const analysis = analyzeFile(context);
    if (analysis.handlers.length === 0) return {};
    const sourceCode = context.sourceCode;
    const tracked = new Map<TSESTree.Node, TrackedHandler>();
    const callOwners = new Map<TSESTree.CallExpression, TrackedHandler>();
    const trackedFunctions = new Set<TSESTree.Node>();
    for (const handler of analysis.handlers) {
      const { calls, escapes } = handler.completions;
      // When completion leaves the handler's body, no path check can see all of it.
      const contained = escapes === undefined;
      const entry: TrackedHandler = {
        handler,
        calls: new Map(contained ? calls.map((call) => [call.call, call]) : []),
        contained,
      };
      tracked.set(handler.function, entry);
      trackedFunctions.add(handler.function);
      for (const call of entry.calls.keys()) callOwners.set(call, entry);
    }

    const throwListener = {
      ThrowStatement(statement: TSESTree.ThrowStatement) {
        const fn = enclosingFunction(statement);
        const entry = fn && tracked.get(fn);
        if (entry) checkClientError(entry.handler, statement.argument, statement);
      },
    };
    // Without completion calls there is nothing to follow along the code paths.
    if (callOwners.size === 0) return throwListener;

    const tracker = new CompletionTracker(trackedFunctions);
    const pathListeners = tracker.listeners((codePath, node, stateOf) => {
      const entry = tracked.get(node);
      if (!entry?.contained || entry.calls.size === 0 || entry.handler.isAsync) return;
      if (!entry.handler.runtime.classic || entry.handler.returnedValues.some((value) => value.kind === 'promise')) return;
      const open = codePath.returnedSegments.some((segment) => segment.reachable && !stateOf(segment).must);
      if (open) {
        context.report({
          loc: handlerHeadLocation(entry.handler.function, sourceCode),
          messageId: 'noCompletion',
          data: { runtime: classicRuntimeLabel(entry.handler.runtime) },
        });
      }
    });

    const listeners = {
      CallExpression(call: TSESTree.CallExpression) {
        const entry = callOwners.get(call);
        if (!entry) return;
        const completion = entry.calls.get(call)!;
        if (tracker.complete() && entry.handler.runtime.classic && !afterTryTail(call, entry)) {
          context.report({ node: call, messageId: 'calledTwice' });
        }
        if (completion.kind === 'callback') checkCallbackCall(entry.handler, call);
      },
      ...throwListener,
      ...pathListeners,
    };
    return listeners as unknown as TSESLint.RuleListener;

    function checkCallbackCall(handler: LambdaHandler, call: TSESTree.CallExpression): void {
      const runtime = classicRuntimeLabel(handler.runtime);
      if (handler.isAsync && handler.runtime.classic) {
        const plan = handler.asyncConversion;
        context.report({
          node: call,
          messageId: 'callbackInAsync',
          data: { runtime },
          ...fixOrSuggest(
            'changes-control-flow',
            plan.ok ? { messageId: CONVERT_TO_ASYNC, fix: convertToAsyncFix(handler.function, plan.calls, sourceCode) } : undefined,
          ),
        });
      }
      const [first] = call.arguments;
      if (!first || first.type === 'SpreadElement') return;
      if (handler.runtime.classic && call.arguments.length === 1) {
        const exit = handler.exits.find((each) => each.node === call);
        if (exit) checkErrorSlot(first, exit.errorValues, runtime);
      }
      if (handler.runtime.classic) checkClientError(handler, first, call);
    }

    /** `callback(response)`: an object that is not an Error, in the error slot. */
    function checkErrorSlot(argument: TSESTree.Expression, values: readonly ResolvedValue[], runtime: string): void {
      const shapes = values.filter((value) => value.shape && !value.fromType);
      const plain = values.some((value) => ['array', 'number', 'boolean'].includes(value.kind));
      if (shapes.length === 0 && !plain) return;
      if (values.some((value) => value.kind === 'object' && !value.shape)) return; // `new Error()` and the like
      const response = shapes.length === values.length && shapes.every((value) => hasProxyKeys(value.shape!));
      context.report({
        node: argument,
        messageId: 'responseAsError',
        data: { runtime },
        // Always a function error as written; with `null` first the response is answered.
        fix: fixOrSuggest(
          'fails-as-written',
          response ? { messageId: 'responseAsError', fix: (fixer) => fixer.insertTextBefore(argument, 'null, ') } : undefined,
        ).fix,
      });
    }

    /** `callback(new Error('[400] ...'))` or `throw new Error('not found')` in an HTTP handler. */
    function checkClientError(handler: LambdaHandler, error: TSESTree.Node, site: TSESTree.Node): void {
      // A wrapper that builds the response (a project's `handler(fn)`, a package's) decides what a
      // thrown error answers: the notes app's catches it and answers 500 with its message.
      if (handler.trigger !== 'http' || (handler.responseBuilder !== 'self' && handler.responseBuilder !== 'serializer')) return;
      const construction = skipTypeWrappers(error);
      if (
        (construction.type !== 'NewExpression' && construction.type !== 'CallExpression') ||
        construction.callee.type !== 'Identifier' ||
        !/Error$/u.test(construction.callee.name)
      ) {
        return;
      }
      const messageNode = construction.arguments[0];
      const message = messageNode && staticText(messageNode);
      if (message === undefined || !messageNode) return;
      // A client error is one its guard raises on the request (`if (!body.name)`), or one that says its
      // 4xx status outright (`[400] ...`, the serverless-offline convention); not one whose words sound
      // like it (`TABLE_NAME is required` behind a `process.env` check is the server's).
      const explicit = EXPLICIT_STATUS.exec(message);
      if (!explicit && !handler.request.guards(site)) return;
      const numbered = NUMBERED_STATUS.exec(message);
      const status = explicit?.[1] ?? numbered?.[1] ?? statusOfWords(message);
      const stripped = /^\s*\[\d{3}\]\s*/u.exec(message);
      const messageText =
        stripped && messageNode.type === 'Literal' ? JSON.stringify(message.slice(stripped[0].length)) : sourceCode.getText(messageNode);
      const response = `{ statusCode: ${status}, body: JSON.stringify({ message: ${messageText} }) }`;
      // The status is read from the message's words: the author may mean another answer.
      let remedy: TSESLint.ReportFixFunction | undefined;
      if (site.type === 'CallExpression') {
        remedy = (fixer) => fixer.replaceTextRange([error.range[0], site.arguments.at(-1)!.range[1]], `null, ${response}`);
      } else if (site.type === 'ThrowStatement' && handler.isAsync && enclosingFunction(site) === handler.function) {
        remedy = (fixer) => fixer.replaceText(site, `return ${response};`);
      }
      context.report({
        node: construction,
        messageId: 'clientError',
        data: {
          integration: CONTRACT[handler.integration].name,
          answer: CONTRACT[handler.integration].functionError,
          status,
        },
        ...fixOrSuggest('chooses-for-the-author', remedy && { messageId: 'answerClientError', data: { status }, fix: remedy }),
      });
    }
  },
});

/**
 * `try { ...; callback(null, r); } catch (error) { callback(error); }`: code paths let the try block's
 * end reach the catch, but a callback does not throw, so the catch runs only when something before
 * the tail call threw. The call in the catch is a second call only if another completion call could
 * have run before it.
 */
function afterTryTail(call: TSESTree.CallExpression, entry: TrackedHandler): boolean {
  let catchClause: TSESTree.CatchClause | undefined;
  for (let node: TSESTree.Node | undefined = call.parent; node && node !== entry.handler.function; node = node.parent) {
    if (node.type === 'CatchClause') {
      catchClause = node;
      break;
    }
  }
  if (!catchClause) return false;
  const tail = catchClause.parent.block.body.at(-1);
  const tailCall =
    tail?.type === 'ExpressionStatement' ? tail.expression : tail?.type === 'ReturnStatement' ? tail.argument : undefined;
  if (!tailCall || tailCall.type !== 'CallExpression' || !entry.calls.has(tailCall)) return false;
  return [...entry.calls.keys()].every((other) => other === tailCall || other.range[0] >= call.range[0]);
}

function staticText(node: TSESTree.Node): string | undefined {
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((quasi) => quasi.value.cooked).join('…');
  return undefined;
}

function statusOfWords(message: string): string {
  if (/not found/iu.test(message)) return '404';
  if (/unauthori[sz]ed/iu.test(message)) return '401';
  if (/forbidden/iu.test(message)) return '403';
  return '400';
}
