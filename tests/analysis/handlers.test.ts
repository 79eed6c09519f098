import { PluginRuleTester } from '../rule-tester.js';
import { dumpRule } from './dump-rule.js';

const javascriptTester = new PluginRuleTester('javascript');
const typedTester = new PluginRuleTester('typed');
const typescriptTester = new PluginRuleTester('typescript');

const said = (text: string) => ({ messageId: 'said' as const, data: { text } });
const RETURN_OK = 'return: object{body:string,statusCode:number}';
const OK = `{ statusCode: 200, body: 'ok' }`;

// Every export form Lambda can find a handler by, in plain JavaScript (ESLint's own parser).
javascriptTester.run('handlers: export forms (JavaScript)', dumpRule, {
  valid: [
    // An Express error middleware exported as `handler` is web server code.
    `export const handler = (err, req, res, next) => { res.status(500).json({ message: err.message }); };`,
    // Not exported: the runtime cannot call it.
    `const handler = async () => (${OK});`,
    `function handler() { return ${OK}; }`,
    // Exported under a name that is not a handler name.
    `export const render = async () => (${OK});`,
    // A default export is `default` to Lambda, whatever the function's own name: `index.handler` does
    // not find it, and in a library module it is most often a wrapper factory.
    `export default async () => (${OK});`,
    `export default async function main() { return ${OK}; }`,
    `export default async function handler(event) { return ${OK}; }`,
    `async function handler(event) { return ${OK}; }\nexport default handler;`,
    `export default function handler(lambda) { return async (event, context) => ({ statusCode: 200, body: JSON.stringify(await lambda(event, context)) }); }`,
    // Re-exported from another module: linted there.
    `export { handler } from './other.js';`,
    // Not a function the file defines.
    `import serverless from 'serverless-http'; import app from './app.js'; export const handler = serverless(app);`,
    `exports.handler = require('./impl').handler;`,
    // An Express or Next.js request handler.
    `export default function handler(req, res) { res.status(200).json({ ok: true }); }`,
    // UI code.
    `import { useState } from 'react'; export const handler = (event) => { event.preventDefault(); };`,
  ],
  invalid: [
    {
      code: `export const handler = async (event) => (${OK});`,
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    {
      code: `export async function handler(event) { return ${OK}; }`,
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    // In a JavaScript file only a handler name makes an export a handler, and here the text never
    // spells it: a `\u` escape does.
    {
      filename: 'handler.js',
      code: `export const h\\u0061ndler = async (event) => (${OK});`,
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    {
      code: `export const handler = async function (event) { return ${OK}; };`,
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    {
      code: `const main = async (event) => (${OK});\nexport { main as handler };`,
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    {
      code: `async function handler(event) { return ${OK}; }\nexport { handler };`,
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    {
      // A default export is a handler where `default` is a handler name (a descriptor's `index.default`).
      code: `export default async function handler(event) { return ${OK}; }`,
      settings: { 'aws-lambda': { handlerNames: ['default'] } },
      errors: [said('default: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    {
      code: `exports.handler = async (event) => (${OK});`,
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    {
      code: `module.exports.handler = async function (event) { return ${OK}; };`,
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    {
      code: `const handler = async (event) => (${OK});\nmodule.exports = { handler };`,
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    {
      code: `module.exports = { handler: async (event) => (${OK}), version: 2 };`,
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    {
      // Defined earlier, bound to another name, exported later.
      code: `function main(event) { return ${OK}; }\nconst entry = main;\nexports.handler = entry;`,
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    {
      code: `import middy from '@middy/core';\nconst base = async (event) => (${OK});\nexport const handler = middy(base).use(cors()).use(logger());`,
      errors: [said('handler: http rest(default) classic+modern call(self)'), said(RETURN_OK)],
    },
    {
      code: `import middy from '@middy/core';\nexport const handler = middy().use(cors()).handler(async (event) => (${OK}));`,
      errors: [said('handler: http rest(default) classic+modern call(self)'), said(RETURN_OK)],
    },
    {
      code: `export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => { responseStream.end(); });`,
      errors: [said('handler: unknown rest(default) classic+modern streaming')],
    },
    {
      // A wrapper the file does not define or import: not followed.
      code: `export const handler = withSentry(async (event) => (${OK}));`,
      errors: [said('handler: http rest(default) classic+modern call(unknown)'), said(RETURN_OK)],
    },
    {
      // A factory: the function it returns is the handler.
      code: `import { metricScope } from 'aws-embedded-metrics';\nexport const handler = metricScope((metrics) => async (event, context) => (${OK}));`,
      errors: [said('handler: http rest(default) classic+modern call(unknown)'), said(RETURN_OK)],
    },
    {
      // A wrapper defined in the file, which puts the return value into \`body\` as JSON.
      code: `const wrap = (fn) => async (event) => ({ statusCode: 200, body: JSON.stringify(await fn(event)) });\nexport const handler = wrap(async (event) => ({ id: event.id }));`,
      errors: [said('handler: unknown rest(default) classic+modern call(body)'), said('return: object{id:unknown}')],
    },
    {
      // One function exported twice is one handler.
      code: `export async function handler(event) { return ${OK}; }\nexport { handler as main };`,
      settings: { 'aws-lambda': { handlerNames: ['handler', 'main'] } },
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
    {
      // handlerNames replaces the default list.
      code: `export const get = async (event) => (${OK});\nexport const handler = async (event) => (${OK});`,
      settings: { 'aws-lambda': { handlerNames: ['get', 'list'] } },
      errors: [said('get: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
  ],
});

// TypeScript syntax, without type information: annotations are read as written.
typescriptTester.run('handlers: export forms (TypeScript, no type information)', dumpRule, {
  valid: [
    // A parameter that is not an event object.
    `export function handler(signal: NodeJS.Signals) { process.exit(signal === 'SIGTERM' ? 0 : 1); }`,
    `export const handler = (message: string): string => message.trim();`,
    `export const handler = (event: React.MouseEvent<HTMLButtonElement>) => { event.preventDefault(); };`,
    `export const handler = (event: MouseEvent) => { console.log(event.x); };`,
    // A helper that takes the event but declares a return type that is not a response.
    `import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const userId = (event: APIGatewayProxyEvent): string => event.requestContext.accountId;`,
    // A helper that takes only the event and answers no response.
    `import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const isPost = (event: APIGatewayProxyEvent) => event.httpMethod === 'POST';`,
    // A type-only export.
    `import type { Handler } from 'aws-lambda';\nexport type { Handler as handler };`,
  ],
  invalid: [
    {
      code: `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = async (event) => (${OK});`,
      errors: [said('handler: http rest(types) classic+modern none'), said(RETURN_OK)],
    },
    {
      // Any name, when the export is typed as a handler.
      code: `import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';\nexport const getUser: APIGatewayProxyHandlerV2 = async (event) => (${OK});`,
      errors: [said('getUser: http http-v2(types) classic+modern none'), said(RETURN_OK)],
    },
    {
      // Any name, when the event and the context are typed.
      code: `import type { ALBEvent, Context } from 'aws-lambda';\nexport async function listItems(event: ALBEvent, context: Context) { return ${OK}; }`,
      errors: [said('listItems: http alb(types) classic+modern none'), said(RETURN_OK)],
    },
    {
      code: `import type * as lambda from 'aws-lambda';\nexport const handler = async (event: lambda.LambdaFunctionURLEvent): Promise<lambda.LambdaFunctionURLResult> => (${OK});`,
      errors: [said('handler: http url(types) classic+modern none'), said(RETURN_OK)],
    },
    {
      code: `import middy from '@middy/core';\nimport type { APIGatewayProxyEventV2 } from 'aws-lambda';\nexport const handler = middy<APIGatewayProxyEventV2>().handler(async (event) => (${OK}));`,
      errors: [said('handler: http http-v2(types) classic+modern call(self)'), said(RETURN_OK)],
    },
    {
      code: `import type { SQSHandler } from 'aws-lambda';\nexport const handler: SQSHandler = async (event) => ({ batchItemFailures: [] });`,
      errors: [said('handler: other rest(default) classic+modern none'), said('return: object{batchItemFailures:array}')],
    },
    {
      code: `export const handler = async (event: any) => (${OK}) satisfies object;`,
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
  ],
});

// With type information, the checker answers what annotations do not show.
typedTester.run('handlers: with type information', dumpRule, {
  valid: [
    `export const handler = (port: number) => port + 1;`,
    `import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const userId = (event: APIGatewayProxyEvent) => event.requestContext.accountId;`,
  ],
  invalid: [
    {
      code: `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = async (event) => (${OK});`,
      errors: [said('handler: http rest(types) classic+modern none'), said(RETURN_OK)],
    },
    {
      // The event's type comes from the handler type through the checker.
      code: `import type { Handler, ALBEvent } from 'aws-lambda';\ntype AlbHandler = Handler<ALBEvent>;\nconst impl: AlbHandler = async (event) => (${OK});\nexport { impl as handler };`,
      errors: [said('handler: http alb(types) classic+modern none'), said(RETURN_OK)],
    },
    {
      code: `import type { EventBridgeEvent } from 'aws-lambda';\nexport const handler = async (event: EventBridgeEvent<'x', { id: string }>) => event.detail.id;`,
      errors: [said('handler: other rest(default) classic+modern none'), said('return: ~string')],
    },
    {
      code: `exports.handler = async (event) => (${OK});`,
      filename: 'javascript.js',
      errors: [said('handler: http rest(default) classic+modern none'), said(RETURN_OK)],
    },
  ],
});
