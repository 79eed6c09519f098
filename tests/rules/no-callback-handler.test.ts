import { createRequire } from 'node:module';
import path from 'node:path';
import rule from '../../src/rules/no-callback-handler.js';
import { fixturesDir, PluginRuleTester } from '../rule-tester.js';

const javascriptTester = new PluginRuleTester('javascript');
const typedTester = new PluginRuleTester('typed');
const typescriptTester = new PluginRuleTester('typescript');

const ADVICE = {
  unused: 'The parameter is never used: remove it.',
  convertible: 'Make the handler async: return the response and throw errors instead of calling the callback.',
  escapes:
    'The callback is called from, or passed to, another function, so the code must move to promises first: `await` the AWS SDK v3 call, or wrap the callback API with `util.promisify`.',
  position: 'Make the handler async, and return the response or throw the error where the callback is called now.',
  unknownError: 'Make the handler async: `if (error) throw error; return result;` where the callback is called now.',
  try: 'Make the handler async, and return the response or throw the error where the callback is called now (a `throw` inside `try` runs the `catch`).',
};
const callbackHandler = (advice: string, name = 'callback') => ({
  messageId: 'callbackHandler' as const,
  data: { moving: '', advice, name },
});

javascriptTester.run('no-callback-handler (JavaScript)', rule, {
  valid: [
    `export const handler = async (event, context) => ({ statusCode: 200 });`,
    `exports.handler = (event, context) => Promise.resolve(1);`,
    // Node.js 22 and earlier still run callback handlers.
    { code: `exports.handler = (event, context, callback) => { callback(null, 1); };`, settings: { 'aws-lambda': { runtime: 'nodejs22.x' } } },
    // Streaming handlers are exempt from the check; wrappers decide what they pass.
    `export const handler = awslambda.streamifyResponse(async (event, responseStream, context) => { responseStream.end(); });`,
    `export const handler = middy((event, context, { signal }) => work(event, signal));`,
    // Not a handler.
    `export function middleware(req, res, next) { next(); }`,
    `const handler = (event, context, callback) => callback(null, 1);`,
    // A rest parameter that is never read at the callback's place.
    `export const handler = async (event, ...rest) => rest[0];`,
  ],
  invalid: [
    {
      // The shape real code has: the callback escapes into an SDK callback.
      code: `module.exports.handler = (event, context, callback) => {\n  dynamodb.get(params, (error, result) => {\n    if (error) {\n      callback(null, { statusCode: error.statusCode || 501, body: 'Could not fetch' });\n      return;\n    }\n    callback(null, { statusCode: 200, body: JSON.stringify(result.Item) });\n  });\n};`,
      errors: [{ ...callbackHandler(ADVICE.escapes), line: 1, column: 43, endColumn: 51, endLine: 1, suggestions: [] }],
    },
    {
      code: `exports.handler = (event, context, callback) => {\n  callback(null, { statusCode: 200, body: 'ok' });\n};`,
      errors: [
        {
          ...callbackHandler(ADVICE.convertible), line: 1, column: 36, endLine: 1, endColumn: 44,
          suggestions: [
            {
              messageId: 'convertToAsync',
              output: `exports.handler = async (event, context) => {\n  return { statusCode: 200, body: 'ok' };\n};`,
            },
          ],
        },
      ],
    },
    {
      // Early returns, both branches of an if/else, errors that are certainly set.
      code: `exports.handler = function (event, context, callback) {\n  if (!event.body) {\n    return callback(new Error('no body'));\n  }\n  try {\n    const data = JSON.parse(event.body);\n    if (data.ok) {\n      callback(null, { statusCode: 200, body: 'ok' });\n    } else {\n      callback(null, { statusCode: 422, body: 'not ok' });\n    }\n  } catch (error) {\n    callback(error);\n  }\n};`,
      errors: [
        {
          ...callbackHandler(ADVICE.convertible), line: 1, column: 45, endLine: 1, endColumn: 53,
          suggestions: [
            {
              messageId: 'convertToAsync',
              output: `exports.handler = async function (event, context) {\n  if (!event.body) {\n    throw new Error('no body');\n  }\n  try {\n    const data = JSON.parse(event.body);\n    if (data.ok) {\n      return { statusCode: 200, body: 'ok' };\n    } else {\n      return { statusCode: 422, body: 'not ok' };\n    }\n  } catch (error) {\n    throw error;\n  }\n};`,
            },
          ],
        },
      ],
    },
    {
      // A call right before a bare return, and a switch that ends the handler.
      code: `exports.handler = (event, context, callback) => {\n  switch (event.httpMethod) {\n    case 'GET':\n      callback(null, { statusCode: 200, body: 'got' });\n      break;\n    default:\n      callback(null, { statusCode: 405, body: '' });\n  }\n};`,
      errors: [
        {
          ...callbackHandler(ADVICE.convertible), line: 1, column: 36, endLine: 1, endColumn: 44,
          suggestions: [
            {
              messageId: 'convertToAsync',
              output: `exports.handler = async (event, context) => {\n  switch (event.httpMethod) {\n    case 'GET':\n      return { statusCode: 200, body: 'got' };\n    default:\n      return { statusCode: 405, body: '' };\n  }\n};`,
            },
          ],
        },
      ],
    },
    {
      code: `exports.handler = (event, context, callback) => {\n  if (event.skip) {\n    callback(null, { statusCode: 204 });\n    return;\n  }\n  callback(null, { statusCode: 200, body: 'x' });\n};`,
      errors: [
        {
          ...callbackHandler(ADVICE.convertible), line: 1, column: 36, endLine: 1, endColumn: 44,
          suggestions: [
            {
              messageId: 'convertToAsync',
              output: `exports.handler = async (event, context) => {\n  if (event.skip) {\n    return { statusCode: 204 };\n  }\n  return { statusCode: 200, body: 'x' };\n};`,
            },
          ],
        },
      ],
    },
    {
      // context.succeed and an expression body.
      code: `exports.handler = (event, context, cb) => cb(null, { statusCode: 200, body: 'x' });`,
      errors: [
        {
          ...callbackHandler(ADVICE.convertible, 'cb'), line: 1, column: 36, endLine: 1, endColumn: 38,
          suggestions: [
            { messageId: 'convertToAsync', output: `exports.handler = async (event, context) => ({ statusCode: 200, body: 'x' });` },
          ],
        },
      ],
    },
    {
      // Async handlers with a callback parameter are refused too.
      code: `export const handler = async (event, context, callback) => {\n  await save(event);\n  callback(null, { statusCode: 201, body: '' });\n};`,
      errors: [
        {
          ...callbackHandler(ADVICE.convertible), line: 1, column: 47, endLine: 1, endColumn: 55,
          suggestions: [
            {
              messageId: 'convertToAsync',
              output: `export const handler = async (event, context) => {\n  await save(event);\n  return { statusCode: 201, body: '' };\n};`,
            },
          ],
        },
      ],
    },
    {
      // An unused third parameter: removing it is safe.
      code: `export async function handler(event, context, callback) {\n  return { statusCode: 200, body: '' };\n}`,
      output: `export async function handler(event, context) {\n  return { statusCode: 200, body: '' };\n}`,
      errors: [{ ...callbackHandler(ADVICE.unused), line: 1, column: 47, endLine: 1, endColumn: 55, suggestions: [] }],
    },
    {
      code: `exports.handler = (event, context, callback) => {\n  if (event.a) callback(null, 1);\n  log('done');\n};`,
      errors: [{ ...callbackHandler(ADVICE.position), line: 1, column: 36, endLine: 1, endColumn: 44, suggestions: [] }],
    },
    {
      code: `exports.handler = (event, context, callback) => {\n  fetchIt(event, (error, data) => callback(error, data));\n};`,
      errors: [{ ...callbackHandler(ADVICE.escapes), line: 1, column: 36, endLine: 1, endColumn: 44, suggestions: [] }],
    },
    {
      code: `exports.handler = (event, context, callback) => {\n  const [error, data] = run(event);\n  callback(error, data);\n};`,
      errors: [{ ...callbackHandler(ADVICE.unknownError), line: 1, column: 36, endLine: 1, endColumn: 44, suggestions: [] }],
    },
    {
      code: `exports.handler = (event, context, callback) => {\n  try {\n    if (!event.id) callback(new Error('no id'));\n  } catch (e) {\n    callback(null, { statusCode: 500 });\n  }\n};`,
      errors: [{ ...callbackHandler(ADVICE.try), line: 1, column: 36, endLine: 1, endColumn: 44, suggestions: [] }],
    },
    {
      // A callback hidden behind a default value passes the start-up check and never receives the real one.
      code: `export const handler = async (event, context, callback = () => {}) => {\n  callback(null, { statusCode: 200 });\n};`,
      errors: [
        {
          messageId: 'defaultCallback',
          data: { moving: '', name: 'callback', advice: ADVICE.convertible }, line: 1, column: 47, endLine: 1, endColumn: 66,
          suggestions: [
            { messageId: 'convertToAsync', output: `export const handler = async (event, context) => {\n  return { statusCode: 200 };\n};` },
          ],
        },
      ],
    },
    {
      code: `export const handler = (event, ...args) => { args[1](null, { statusCode: 200 }); };`,
      errors: [{ messageId: 'restCallback', data: { name: 'args', index: '1' }, line: 1, column: 46, endLine: 1, endColumn: 53 }],
    },
    {
      code: `exports.handler = (event, context, callback) => { callback(null, 1); };`,
      settings: { 'aws-lambda': { runtime: 'nodejs24.x' } },
      errors: [{ ...callbackHandler(ADVICE.convertible), line: 1, column: 36, endLine: 1, endColumn: 44, suggestions: [{ messageId: 'convertToAsync', output: `exports.handler = async (event, context) => { return 1; };` }] }],
    },
  ],
});

typescriptTester.run('no-callback-handler (TypeScript)', rule, {
  valid: [
    `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: '' });`,
  ],
  invalid: [
    {
      code: `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = (event, context, callback) => {\n  callback(null, { statusCode: 200, body: '' });\n};`,
      errors: [
        {
          ...callbackHandler(ADVICE.convertible), line: 2, column: 65, endLine: 2, endColumn: 73,
          suggestions: [
            {
              messageId: 'convertToAsync',
              output: `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = async (event, context) => {\n  return { statusCode: 200, body: '' };\n};`,
            },
          ],
        },
      ],
    },
    {
      code: `import type { Context, Callback } from 'aws-lambda';\nexport async function handler(event: unknown, context: Context, callback: Callback) {\n  return 1;\n}`,
      output: `import type { Context, Callback } from 'aws-lambda';\nexport async function handler(event: unknown, context: Context) {\n  return 1;\n}`,
      errors: [{ ...callbackHandler(ADVICE.unused), line: 2, column: 65, endLine: 2, endColumn: 83 }],
    },
  ],
});

typedTester.run('no-callback-handler (type information)', rule, {
  valid: [
    `import type { SQSHandler } from 'aws-lambda';\nexport const handler: SQSHandler = async (event) => {};`,
  ],
  invalid: [
    {
      code: `exports.handler = (event, context, callback) => { callback(null, 'x'); };`,
      filename: 'javascript.js',
      errors: [
        {
          ...callbackHandler(ADVICE.convertible), line: 1, column: 36, endLine: 1, endColumn: 44,
          suggestions: [{ messageId: 'convertToAsync', output: `exports.handler = async (event, context) => { return 'x'; };` }],
        },
      ],
    },
  ],
});

javascriptTester.run('no-callback-handler: unused default callback', rule, {
  valid: [],
  invalid: [
    {
      code: `export const handler = async (event, context, done = () => {}) => ({ statusCode: 200 });`,
      output: `export const handler = async (event, context) => ({ statusCode: 200 });`,
      errors: [{ messageId: 'defaultCallback', data: { moving: '', name: 'done', advice: ADVICE.unused }, line: 1, column: 47, endLine: 1, endColumn: 62 }],
    },
  ],
});

// Handlers a library makes: the version installed in the fixture folder decides, from the table that
// scripts/library-arity.js measured (src/contract/library-arity.ts).
const inLibraries = (folder: string, file = 'handler.js') => path.join(fixturesDir, 'libraries', folder, file);
const libraryHandler = (pkg: string, version: string, arity: string, advice: string, moving = '') => ({
  messageId: 'libraryCallbackHandler' as const,
  data: { moving, package: pkg, version, arity, advice },
});
const EXPRESS_APP = `import serverlessExpress from '@vendia/serverless-express';\nimport app from './app.js';\n`;

javascriptTester.run('no-callback-handler: handlers a library makes', rule, {
  valid: [
    // @codegenie/serverless-express 5.0.0 makes a two-parameter function.
    { code: `import serverlessExpress from '@codegenie/serverless-express';\nimport app from './app.js';\nexport const handler = serverlessExpress({ app });`, filename: inLibraries('codegenie-v5') },
    // hono/lambda-edge 4.12.6 fixed it.
    { code: `import { Hono } from 'hono';\nimport { handle } from 'hono/lambda-edge';\nexport const handler = handle(new Hono());`, filename: inLibraries('hono-new') },
    // hono/aws-lambda never made a three-parameter function.
    { code: `import { Hono } from 'hono';\nimport { handle } from 'hono/aws-lambda';\nexport const handler = handle(new Hono());`, filename: inLibraries('hono-old') },
    // On nodejs22.x the runtime still runs it.
    { code: `${EXPRESS_APP}export const handler = serverlessExpress({ app });`, filename: inLibraries('express-v4'), settings: { 'aws-lambda': { runtime: 'nodejs22.x' } } },
    // Not a handler name, and not made by the library.
    { code: `${EXPRESS_APP}export const server = serverlessExpress({ app });`, filename: inLibraries('express-v4') },
    { code: `import { handle } from './handle.js';\nexport const handler = handle(app);`, filename: inLibraries('hono-old') },
    // In a Serverless service on Azure: not a Lambda function.
    { code: `${EXPRESS_APP}export const handler = serverlessExpress({ app });`, filename: path.join(fixturesDir, 'libraries', 'express-v4', 'azure', 'handler.js') },
    // No version known (nothing installed or declared up to the repository root): nothing said.
    { code: `import { handle } from 'hono/lambda-edge';\nexport const handler = handle(app);`, filename: inLibraries('codegenie-v5') },
  ],
  invalid: [
    {
      code: `${EXPRESS_APP}export const handler = serverlessExpress({ app });`,
      filename: inLibraries('express-v4'),
      errors: [{ ...libraryHandler('@vendia/serverless-express', '4.12.6', '3', 'Upgrade to @codegenie/serverless-express 5.0.0 or later.'), line: 3, column: 24, endLine: 3, endColumn: 50 }],
    },
    {
      code: `const serverlessExpress = require('@vendia/serverless-express');\nconst app = require('./app');\nconst made = serverlessExpress({ app });\nmodule.exports = { handler: made };`,
      filename: inLibraries('express-v4'),
      errors: [{ ...libraryHandler('@vendia/serverless-express', '4.12.6', '3', 'Upgrade to @codegenie/serverless-express 5.0.0 or later.'), line: 3, column: 14, endLine: 3, endColumn: 40 }],
    },
    {
      code: `import { Hono } from 'hono';\nimport { handle } from 'hono/lambda-edge';\nconst app = new Hono();\nexport const handler = handle(app);`,
      filename: inLibraries('hono-old'),
      errors: [{ ...libraryHandler('hono', '4.12.5', '3', 'Upgrade to hono 4.12.6 or later.'), line: 4, column: 24, endLine: 4, endColumn: 35 }],
    },
    {
      code: `const { App, AwsLambdaReceiver } = require('@slack/bolt');\nconst receiver = new AwsLambdaReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET });\nnew App({ token: process.env.SLACK_BOT_TOKEN, receiver });\nexports.handler = receiver.toHandler();`,
      filename: inLibraries('bolt-v3'),
      errors: [{ ...libraryHandler('@slack/bolt', '3.22.0', '3', 'Upgrade to @slack/bolt 5.0.0 or later.'), line: 4, column: 19, endLine: 4, endColumn: 39 }],
    },
    {
      code: `import { ServerlessAdapter } from '@h4ad/serverless-adapter';\nimport { DefaultHandler } from '@h4ad/serverless-adapter/handlers/default';\nexport const handler = ServerlessAdapter.new(app).setFramework(framework).setHandler(new DefaultHandler()).setResolver(resolver).build();`,
      filename: inLibraries('adapter-v4'),
      errors: [
        {
          ...libraryHandler('@h4ad/serverless-adapter', '4.4.0', '3', 'No release fixes it yet: stay on nodejs22.x until one does.'),
          line: 3, column: 24, endLine: 3, endColumn: 137,
        },
      ],
    },
    {
      // middy before 2.0 makes \`(event, context, callback)\`; its successor is @middy/core.
      code: `const middy = require('middy');\nconst { cors } = require('middy/middlewares');\nmodule.exports.handler = middy(async (event) => ({ statusCode: 200, body: 'ok' })).use(cors());`,
      filename: inLibraries('middy-legacy'),
      errors: [{ ...libraryHandler('middy', '0.36.0', '3', 'Upgrade to @middy/core 2.0.0 or later.'), line: 3, column: 26, endLine: 3, endColumn: 83 }],
    },
    {
      // Set to Node.js 24.
      code: `${EXPRESS_APP}export const handler = serverlessExpress({ app });`,
      filename: inLibraries('express-v4'),
      settings: { 'aws-lambda': { runtime: 'nodejs24.x' } },
      errors: [{ ...libraryHandler('@vendia/serverless-express', '4.12.6', '3', 'Upgrade to @codegenie/serverless-express 5.0.0 or later.'), line: 3, column: 24, endLine: 3, endColumn: 50 }],
    },
  ],
});

typescriptTester.run('no-callback-handler: handlers a library makes (TypeScript)', rule, {
  valid: [{ code: `import serverlessExpress from '@codegenie/serverless-express';\nexport const handler = serverlessExpress({ app }) as Handler;`, filename: inLibraries('codegenie-v5', 'handler.ts') }],
  invalid: [
    {
      code: `import { Hono } from 'hono';\nimport { handle } from 'hono/lambda-edge';\nimport type { CloudFrontRequestHandler } from 'aws-lambda';\nexport const handler: CloudFrontRequestHandler = handle(new Hono()) as CloudFrontRequestHandler;`,
      filename: inLibraries('hono-old', 'handler.ts'),
      errors: [{ ...libraryHandler('hono', '4.12.5', '3', 'Upgrade to hono 4.12.6 or later.'), line: 4, column: 50, endLine: 4, endColumn: 68 }],
    },
  ],
});

// With type information, in the typed fixture project: the version is the one this repository installs
// as a dev dependency (the real package, read from its package.json, not written here).
const installedServerlessExpress = (createRequire(import.meta.url)('@codegenie/serverless-express/package.json') as { version: string }).version;

typedTester.run('no-callback-handler: handlers a library makes (type information)', rule, {
  valid: [`import type { Handler } from 'aws-lambda';\nimport serverlessExpress from '@codegenie/serverless-express';\nexport const server: Handler = serverlessExpress({ app: {} as never });`],
  invalid: [
    {
      code: `import type { Handler } from 'aws-lambda';\nimport serverlessExpress from '@codegenie/serverless-express';\nexport const handler: Handler = serverlessExpress({ app: {} as never });`,
      errors: [
        {
          ...libraryHandler('@codegenie/serverless-express', installedServerlessExpress, '3', 'Upgrade to @codegenie/serverless-express 5.0.0 or later.'),
          line: 3, column: 33, endLine: 3, endColumn: 72,
        },
      ],
    },
  ],
});
