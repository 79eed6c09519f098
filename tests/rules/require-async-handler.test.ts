import rule from '../../src/rules/require-async-handler.js';
import { PluginRuleTester } from '../rule-tester.js';

const javascriptTester = new PluginRuleTester('javascript');
const typedTester = new PluginRuleTester('typed');
const typescriptTester = new PluginRuleTester('typescript');

const API_GATEWAY = 'API Gateway logs "Endpoint response body before transformations: null" and answers 502';
const CALLER = 'the caller gets `null`';
const classic = (value: string, runtime = 'Node.js 22 and earlier', consequence = API_GATEWAY) => ({
  messageId: 'returnsWithoutAsync' as const,
  data: { value, runtime, consequence },
});

javascriptTester.run('require-async-handler (JavaScript)', rule, {
  valid: [
    `export const handler = async (event) => ({ statusCode: 200, body: 'ok' });`,
    `export async function handler(event) { return { statusCode: 200, body: 'ok' }; }`,
    // Returns a promise.
    `export const handler = (event) => Promise.resolve({ statusCode: 200, body: 'ok' });`,
    `export const handler = (event) => new Promise((resolve) => resolve({ statusCode: 200, body: 'ok' }));`,
    `export function handler(event) { return fetch(event.url).then((res) => res.text()); }`,
    `export function handler(event) { return Promise.all([a(), b()]); }`,
    `async function respond() { return { statusCode: 200, body: 'ok' }; }\nexport function handler(event) { return respond(); }`,
    `export function handler(event) { const pending = Promise.resolve({ statusCode: 200, body: 'ok' }); return pending; }`,
    // Unknown without types: never reported.
    `import { work } from './work.js';\nexport const handler = (event) => work(event);`,
    // Callback style, returning nothing.
    `exports.handler = (event, context, callback) => { callback(null, { statusCode: 200, body: 'ok' }); };`,
    `exports.handler = (event, context, callback) => { if (!event.id) { return callback(new Error('no id')); } callback(null, { statusCode: 200, body: 'ok' }); };`,
    `exports.handler = function (event, context) { context.succeed({ statusCode: 200, body: 'ok' }); };`,
    // Returns only in nested functions.
    `exports.handler = (event, context, callback) => { items.map((item) => ({ id: item })); callback(null, { statusCode: 200, body: 'ok' }); };`,
    // Returns nothing.
    `export function handler(event) { console.log(event); return; }`,
    `export function handler(event) { return undefined; }`,
    // Node.js 24 awaits the returned value.
    { code: `export const handler = (event) => ({ statusCode: 200, body: 'ok' });`, settings: { 'aws-lambda': { runtime: 'nodejs24.x' } } },
    // Not a handler.
    `export const render = (props) => ({ statusCode: 200 });`,
    `const handler = (event) => ({ statusCode: 200, body: 'ok' });`,
    // A generator is left alone.
    `export function* handler(event) { yield 1; return 2; }`,
    // A wrapper is what the runtime calls, and it takes the function's return value: middy awaits it
    // whether it is a promise or not (@middy/core 6, runRequest).
    `export const handler = middy((event) => ({ statusCode: 200, body: 'ok' })).use(cors());`,
    `import withResponse from './libs/handler-lib.js';\nexport const handler = withResponse((event) => ({ id: event.id }));`,
    // A factory: the function it returns is the handler, and that one is async.
    `import { metricScope } from 'aws-embedded-metrics';\nexport const handler = metricScope((metrics) => async (event) => ({ statusCode: 200, body: 'ok' }));`,
    // A default export is not \`index.handler\`.
    `export default function handler(event) { return JSON.stringify(event); }`,
  ],
  invalid: [
    {
      code: `export const handler = (event) => ({ statusCode: 200, body: 'ok' });`,
      output: `export const handler = async (event) => ({ statusCode: 200, body: 'ok' });`,
      errors: [{ ...classic('an object'), line: 1, column: 24, endColumn: 34, endLine: 1 }],
    },
    {
      code: `export const handler = event => ({ statusCode: 200, body: 'ok' });`,
      output: `export const handler = async event => ({ statusCode: 200, body: 'ok' });`,
      errors: [{ ...classic('an object'), line: 1, column: 24, endLine: 1, endColumn: 32 }],
    },
    {
      code: `export function handler(event) {\n  if (event.bad) {\n    return { statusCode: 400, body: 'bad' };\n  }\n  return { statusCode: 200, body: 'ok' };\n}`,
      output: `export async function handler(event) {\n  if (event.bad) {\n    return { statusCode: 400, body: 'bad' };\n  }\n  return { statusCode: 200, body: 'ok' };\n}`,
      errors: [{ ...classic('an object'), line: 1, column: 8, endColumn: 24, endLine: 1 }],
    },
    {
      code: `module.exports.handler = function (event) { return [1, 2]; };`,
      output: `module.exports.handler = async function (event) { return [1, 2]; };`,
      errors: [{ ...classic('an array', undefined, CALLER), line: 1, column: 26, endLine: 1, endColumn: 35 }],
    },
    {
      code: `module.exports = {\n  handler(event) {\n    return { statusCode: 200, body: 'ok' };\n  },\n};`,
      output: `module.exports = {\n  async handler(event) {\n    return { statusCode: 200, body: 'ok' };\n  },\n};`,
      errors: [{ ...classic('an object'), line: 2, column: 10, endLine: 2, endColumn: 10 }],
    },
    {
      // Comments around the function stay where they are.
      code: `export const handler = /* entry */ (event) /* in */ => /* out */ ({ statusCode: 200, body: 'ok' });`,
      output: `export const handler = /* entry */ async (event) /* in */ => /* out */ ({ statusCode: 200, body: 'ok' });`,
      errors: [{ ...classic('an object'), line: 1, column: 36, endLine: 1, endColumn: 55 }],
    },
    {
      // Followed through identifiers and helpers defined in the file.
      code: `const ok = (body) => ({ statusCode: 200, body });\nfunction main(event) { const response = ok('x'); return response; }\nexports.handler = main;`,
      output: `const ok = (body) => ({ statusCode: 200, body });\nasync function main(event) { const response = ok('x'); return response; }\nexports.handler = main;`,
      errors: [{ ...classic('an object'), line: 2, column: 1, endLine: 2, endColumn: 14 }],
    },
    {
      code: `export function handler(event) { return event.ok ? Promise.resolve(1) : 2; }`,
      output: `export async function handler(event) { return event.ok ? Promise.resolve(1) : 2; }`,
      errors: [{ ...classic('a number', undefined, CALLER), line: 1, column: 8, endLine: 1, endColumn: 24 }],
    },
    {
      code: `export const handler = (event) => ({ statusCode: 200, body: 'ok' });`,
      output: `export const handler = async (event) => ({ statusCode: 200, body: 'ok' });`,
      settings: { 'aws-lambda': { runtime: 'nodejs20.x' } },
      errors: [{ ...classic('an object', 'nodejs20.x'), line: 1, column: 24, endLine: 1, endColumn: 34 }],
    },
    {
      // With a callback, adding async makes the promise race the callback: a suggestion, not a fix.
      code: `exports.handler = (event, context, callback) => { callback(null, { statusCode: 200, body: 'ok' }); return { statusCode: 200, body: 'ok' }; };`,
      errors: [
        {
          messageId: 'returnsBesideCallback',
          data: { value: 'an object', runtime: 'Node.js 22 and earlier' }, line: 1, column: 19, endLine: 1, endColumn: 48,
          suggestions: [
            {
              messageId: 'addAsync',
              output: `exports.handler = async (event, context, callback) => { callback(null, { statusCode: 200, body: 'ok' }); return { statusCode: 200, body: 'ok' }; };`,
            },
          ],
        },
      ],
    },
    {
      // Streaming handlers must be async on every runtime.
      code: `export const handler = awslambda.streamifyResponse((event, responseStream) => { responseStream.end('x'); });`,
      output: `export const handler = awslambda.streamifyResponse(async (event, responseStream) => { responseStream.end('x'); });`,
      settings: { 'aws-lambda': { runtime: 'nodejs24.x' } },
      errors: [{ messageId: 'streamingNotAsync', line: 1, column: 52, endLine: 1, endColumn: 78 }],
    },
  ],
});

typescriptTester.run('require-async-handler (TypeScript)', rule, {
  valid: [
    `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: 'ok' });`,
    `export function handler(signal: NodeJS.Signals) { return { signal }; }`,
  ],
  invalid: [
    {
      code: `import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';\nexport function handler(event: APIGatewayProxyEvent): APIGatewayProxyResult {\n  return { statusCode: 200, body: 'ok' };\n}`,
      output: `import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';\nexport async function handler(event: APIGatewayProxyEvent): APIGatewayProxyResult {\n  return { statusCode: 200, body: 'ok' };\n}`,
      errors: [{ ...classic('an object'), line: 2, column: 8, endLine: 2, endColumn: 24 }],
    },
    {
      // A generic arrow: `async` goes before the type parameters.
      code: `export const handler = <T,>(event: T) => ({ statusCode: 200, body: String(event) });`,
      output: `export const handler = async <T,>(event: T) => ({ statusCode: 200, body: String(event) });`,
      errors: [{ ...classic('an object'), line: 1, column: 24, endLine: 1, endColumn: 41 }],
    },
    {
      code: `export const handler = ((event: unknown) => ({ statusCode: 204 })) satisfies Function;`,
      output: `export const handler = (async (event: unknown) => ({ statusCode: 204 })) satisfies Function;`,
      errors: [{ ...classic('an object', 'Node.js 22 and earlier', CALLER), line: 1, column: 25, endLine: 1, endColumn: 44 }],
    },
  ],
});

typedTester.run('require-async-handler (type information)', rule, {
  valid: [
    // The checker knows these are promises.
    `import { fetchItem } from './helpers.js';\nexport const handler = (event: unknown) => fetchItem('1');`,
    `export const handler = (event: unknown) => globalThis.fetch('https://example.com');`,
    // any and unknown are never reported.
    `declare const anything: any;\nexport const handler = (event: unknown) => anything;`,
    `declare function work(): unknown;\nexport const handler = (event: unknown) => work();`,
    { code: `exports.handler = (event) => Promise.resolve({ statusCode: 200 });`, filename: 'javascript.js' },
  ],
  invalid: [
    {
      // Known only from its type: an object from another module.
      code: `import { okResponse } from './helpers.js';\nexport const handler = (event: unknown) => okResponse('x');`,
      output: `import { okResponse } from './helpers.js';\nexport const handler = async (event: unknown) => okResponse('x');`,
      errors: [{ ...classic('an object'), line: 2, column: 24, endLine: 2, endColumn: 43 }],
    },
    {
      code: `exports.handler = (event) => ({ statusCode: 200, body: '' });`,
      output: `exports.handler = async (event) => ({ statusCode: 200, body: '' });`,
      filename: 'javascript.js',
      errors: [{ ...classic('an object'), line: 1, column: 19, endLine: 1, endColumn: 29 }],
    },
  ],
});

// Whose caller reads the answer: SNS, S3, EventBridge and schedules fire and forget.
javascriptTester.run('require-async-handler: triggers that never read the answer', rule, {
  valid: [
    `exports.handler = (event) => {\n  for (const record of event.Records) console.log(record.Sns.Message);\n  return { delivered: event.Records.length };\n};\n`,
    `exports.handler = (event) => {\n  const keys = event.Records.map((record) => record.s3.object.key);\n  return { keys };\n};\n`,
  ],
  invalid: [
    {
      // SQS reads `batchItemFailures`: a lost answer retries the whole batch.
      code: `exports.handler = (event) => {\n  const failures = event.Records.filter((record) => !record.body).map((record) => ({ itemIdentifier: record.messageId }));\n  return { batchItemFailures: failures };\n};\n`,
      output: `exports.handler = async (event) => {\n  const failures = event.Records.filter((record) => !record.body).map((record) => ({ itemIdentifier: record.messageId }));\n  return { batchItemFailures: failures };\n};\n`,
      errors: [{ ...classic('an object', 'Node.js 22 and earlier', CALLER), line: 1, column: 19, endLine: 1, endColumn: 29 }],
    },
  ],
});

typescriptTester.run('require-async-handler: answer-ignoring triggers from the types', rule, {
  valid: [
    `import type { SNSEvent } from 'aws-lambda';\nexport const handler = (event: SNSEvent) => ({ processed: event.Records.length });\n`,
    `import type { ScheduledEvent } from 'aws-lambda';\nexport const handler = (event: ScheduledEvent) => ({ at: event.time });\n`,
  ],
  invalid: [],
});
