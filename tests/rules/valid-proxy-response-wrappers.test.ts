import path from 'node:path';
import rule from '../../src/rules/valid-proxy-response.js';
import { fixturesDir, PluginRuleTester } from '../rule-tester.js';

// Handlers whose response a wrapper builds: the shape checks follow the wrapper (issue #18, part 1).
// The project wrappers are in tests/fixtures/libs; the cases are linted as tests/fixtures files so
// that their relative imports resolve there.
const javascriptTester = new PluginRuleTester('javascript');
const typescriptTester = new PluginRuleTester('typescript');
const typedTester = new PluginRuleTester('typed');

const REST = { integration: 'API Gateway (REST)', answer: 'answers 502 "Malformed Lambda proxy response"' };
const rest = { 'aws-lambda': { integration: 'rest' } };
const javascriptFile = path.join(fixturesDir, 'javascript.js');
const typescriptFile = path.join(fixturesDir, 'file.ts');

const SERIALIZER = `import middy from '@middy/core';
import httpResponseSerializer from '@middy/http-response-serializer';
const serializer = httpResponseSerializer({ serializers: [{ regex: /^application\\/json$/, serializer: ({ body }) => JSON.stringify(body) }], defaultContentType: 'application/json' });
`;

javascriptTester.run('valid-proxy-response: wrappers that build the response', rule, {
  valid: [
    // The project's wrapper answers `{ statusCode, body: JSON.stringify(<return value>) }`: any JSON value.
    {
      code: `import withResponse from './libs/handler-lib.js';\nexport const handler = withResponse(async (event) => ({ userId: event.requestContext.identity.cognitoIdentityId }));`,
      filename: javascriptFile,
      settings: rest,
    },
    // A CommonJS wrapper whose answer goes through a helper, and a package's wrapper: not followed.
    {
      code: `const respond = require('./libs/respond.cjs');\nexports.handler = respond(async () => ({ items: [] }));`,
      filename: javascriptFile,
      settings: rest,
    },
    { code: `import { wrap } from '@sentry/aws-serverless';\nexport const handler = wrap(async () => ({ items: [] }));`, filename: javascriptFile, settings: rest },
    // Architect's `{ json }` and `{ html }` shorthands are its own response format.
    { code: `import arc from '@architect/functions';\nexport const handler = arc.http(async (req) => ({ json: { ok: true } }));`, filename: javascriptFile, settings: rest },
    // middy with http-response-serializer: a bare value is wrapped and an object body serialized.
    { code: `${SERIALIZER}export const handler = middy(async () => ({ items: [] })).use(serializer);`, filename: javascriptFile, settings: rest },
    { code: `${SERIALIZER}export const handler = middy().use([serializer]).handler(async () => ({ statusCode: 201, body: { id: 1 } }));`, filename: javascriptFile, settings: rest },
    // A factory: the function it returns is the handler, behind a wrapper that is not followed.
    { code: `import { metricScope } from 'aws-embedded-metrics';\nexport const handler = metricScope((metrics) => async () => ({ items: [] }));`, filename: javascriptFile, settings: rest },
  ],
  invalid: [
    {
      // The project's wrapper stringifies the value into \`body\`: a BigInt makes JSON.stringify throw.
      code: `import withResponse from './libs/handler-lib.js';\nexport const handler = withResponse(async (event) => ({ id: event.pathParameters.id, views: 10n }));`,
      filename: javascriptFile,
      settings: rest,
      errors: [{ messageId: 'unserializableValue', data: { integration: 'API Gateway (REST)', status: '502' }, line: 2, column: 93, endLine: 2, endColumn: 96 }],
    },
    {
      code: `import withResponse from './libs/handler-lib.js';\nconst total = BigInt(2 ** 60);\nexport const handler = withResponse(async () => ({ total }));`,
      filename: javascriptFile,
      settings: rest,
      errors: [{ messageId: 'unserializableValue', data: { integration: 'API Gateway (REST)', status: '502' }, line: 2, column: 15, endLine: 2, endColumn: 30 }],
    },
    {
      // A wrapper that returns what the function returns: the function's value is the response.
      code: `import { withLogging } from './libs/passthrough.js';\nexport const handler = withLogging(async () => ({ statusCode: 200, body: { id: 1 } }));`,
output: `import { withLogging } from './libs/passthrough.js';\nexport const handler = withLogging(async () => ({ statusCode: 200, body: JSON.stringify({ id: 1 }) }));`,
      filename: javascriptFile,
      settings: rest,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 2, column: 74, endLine: 2, endColumn: 83 }],
    },
    {
      // middy without a serializer passes the base handler's answer on.
      code: `import middy from '@middy/core';\nexport const handler = middy(async () => ({ statusCode: 200, body: { id: 1 } }));`,
output: `import middy from '@middy/core';\nexport const handler = middy(async () => ({ statusCode: 200, body: JSON.stringify({ id: 1 }) }));`,
      filename: javascriptFile,
      settings: rest,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 2, column: 68, endLine: 2, endColumn: 77 }],
    },
    {
      // The serializer leaves a response that sets its own Content-Type as it is.
      code: `${SERIALIZER}export const handler = middy(async () => ({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: { id: 1 } })).use(serializer);`,
output: `${SERIALIZER}export const handler = middy(async () => ({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 1 }) })).use(serializer);`,
      filename: javascriptFile,
      settings: rest,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 4, column: 117, endLine: 4, endColumn: 126 }],
    },
  ],
});

typescriptTester.run('valid-proxy-response: wrappers that build the response (TypeScript)', rule, {
  valid: [
    {
      code: `import withResponse from './libs/handler-lib.js';\nexport const handler = withResponse(async (event: { id: string }) => ({ id: event.id }));`,
      filename: typescriptFile,
      settings: rest,
    },
  ],
  invalid: [
    {
      code: `import { withLogging } from './libs/passthrough.js';\nexport const handler = withLogging(async (event: unknown) => ({ statusCode: 200, body: { id: 1 } }));`,
output: `import { withLogging } from './libs/passthrough.js';\nexport const handler = withLogging(async (event: unknown) => ({ statusCode: 200, body: JSON.stringify({ id: 1 }) }));`,
      filename: typescriptFile,
      settings: rest,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 2, column: 88, endLine: 2, endColumn: 97 }],
    },
  ],
});

typedTester.run('valid-proxy-response: wrappers that build the response (typed)', rule, {
  valid: [
    {
      code: `import type { APIGatewayProxyEvent } from 'aws-lambda';\nimport withResponse from './libs/handler-lib.js';\nexport const handler = withResponse(async (event: APIGatewayProxyEvent) => ({ path: event.path }));`,
      filename: typescriptFile,
    },
  ],
  invalid: [
    {
      code: `import type { APIGatewayProxyEvent } from 'aws-lambda';\nimport { withLogging } from './libs/passthrough.js';\nexport const handler = withLogging(async (event: APIGatewayProxyEvent) => ({ statusCode: 200, body: { path: event.path } }));`,
output: `import type { APIGatewayProxyEvent } from 'aws-lambda';\nimport { withLogging } from './libs/passthrough.js';\nexport const handler = withLogging(async (event: APIGatewayProxyEvent) => ({ statusCode: 200, body: JSON.stringify({ path: event.path }) }));`,
      filename: typescriptFile,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 3, column: 101, endLine: 3, endColumn: 121 }],
    },
  ],
});

// A router or adapter makes the whole response; a handler that drops it answers `undefined` (issue #18,
// part 2; aws-powertools/powertools-lambda-typescript#4593).
const POWERTOOLS = `import { Router } from '@aws-lambda-powertools/event-handler/http';\nconst app = new Router();\napp.get('/todos', async () => ({ todos: [] }));\n`;
const unreturned = (call: string) => ({ messageId: 'unreturnedResponse' as const, data: { ...REST, call } });

javascriptTester.run('valid-proxy-response: a router\'s answer must be returned', rule, {
  valid: [
    `${POWERTOOLS}export const handler = async (event, context) => app.resolve(event, context);`,
    `${POWERTOOLS}export const handler = async (event, context) => { return app.resolve(event, context); };`,
    `${POWERTOOLS}export const handler = async (event, context) => { const response = await app.resolve(event, context); return response; };`,
    // Not a router: a helper of the project, or another package's object.
    `import { app } from './app.js';\nexport const handler = async (event, context) => { app.resolve(event, context); };`,
    // Nobody reads the answer of an S3 notification.
    `import serverless from 'serverless-http';\nconst proxy = serverless(app);\nexport const handler = async (event, context) => { for (const record of event.Records) console.log(record.s3.object.key); proxy(event, context); };`,
  ],
  invalid: [
    {
      code: `${POWERTOOLS}export const handler = async (event, context) => {\n  app.resolve(event, context);\n};`,
      output: `${POWERTOOLS}export const handler = async (event, context) => {\n  return app.resolve(event, context);\n};`,
      errors: [{ ...unreturned('app.resolve(…)'), line: 5, column: 3, endLine: 5, endColumn: 30 }],
    },
    {
      code: `const api = require('lambda-api')();\napi.get('/status', async () => ({ ok: true }));\nexports.handler = async (event, context) => {\n  await api.run(event, context);\n};`,
      output: `const api = require('lambda-api')();\napi.get('/status', async () => ({ ok: true }));\nexports.handler = async (event, context) => {\n  return await api.run(event, context);\n};`,
      errors: [{ ...unreturned('api.run(…)'), line: 4, column: 9, endLine: 4, endColumn: 32 }],
    },
    {
      code: `import serverless from 'serverless-http';\nimport app from './app.js';\nexport const handler = async (event, context) => {\n  serverless(app)(event, context);\n};`,
      output: `import serverless from 'serverless-http';\nimport app from './app.js';\nexport const handler = async (event, context) => {\n  return serverless(app)(event, context);\n};`,
      errors: [{ ...unreturned('serverless(app)(…)'), line: 4, column: 3, endLine: 4, endColumn: 34 }],
    },
    {
      // A wrapped handler called without \`return\`, before other statements: reported, not fixed.
      code: `import middy from '@middy/core';\nconst main = middy(async () => ({ statusCode: 200, body: 'ok' }));\nexport const handler = async (event, context) => {\n  main(event, context);\n  console.log('done');\n};`,
      errors: [{ ...unreturned('main(…)'), line: 4, column: 3, endLine: 4, endColumn: 23 }],
    },
  ],
});

typescriptTester.run('valid-proxy-response: a router\'s answer must be returned (TypeScript)', rule, {
  valid: [`${POWERTOOLS}export const handler = async (event: unknown, context: unknown) => app.resolve(event, context);`],
  invalid: [
    {
      code: `${POWERTOOLS}export const handler = async (event: unknown, context: unknown): Promise<void> => {\n  await app.resolve(event, context);\n};`,
      output: `${POWERTOOLS}export const handler = async (event: unknown, context: unknown): Promise<void> => {\n  return await app.resolve(event, context);\n};`,
      errors: [{ ...unreturned('app.resolve(…)'), line: 5, column: 9, endLine: 5, endColumn: 36 }],
    },
  ],
});

typedTester.run('valid-proxy-response: a router\'s answer must be returned (typed)', rule, {
  valid: [
    `import type { APIGatewayProxyEvent, Context } from 'aws-lambda';\n${POWERTOOLS}export const handler = async (event: APIGatewayProxyEvent, context: Context) => app.resolve(event, context);`,
  ],
  invalid: [
    {
      // Typed as a REST handler: the drop is reported once, not also as a path without a response.
      code: `import type { APIGatewayProxyEvent, Context } from 'aws-lambda';\n${POWERTOOLS}export const handler = async (event: APIGatewayProxyEvent, context: Context) => {\n  app.resolve(event, context);\n};`,
      output: `import type { APIGatewayProxyEvent, Context } from 'aws-lambda';\n${POWERTOOLS}export const handler = async (event: APIGatewayProxyEvent, context: Context) => {\n  return app.resolve(event, context);\n};`,
      errors: [{ ...unreturned('app.resolve(…)'), line: 6, column: 3, endLine: 6, endColumn: 30 }],
    },
  ],
});
