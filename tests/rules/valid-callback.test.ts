import rule from '../../src/rules/valid-callback.js';
import { PluginRuleTester } from '../rule-tester.js';

const javascriptTester = new PluginRuleTester('javascript');
const typedTester = new PluginRuleTester('typed');
const typescriptTester = new PluginRuleTester('typescript');

const CLASSIC = { runtime: 'Node.js 22 and earlier' };
const REST_ERROR = { integration: 'API Gateway (REST)', answer: '502' };

javascriptTester.run('valid-callback (JavaScript)', rule, {
  valid: [
    `exports.handler = (event, context, callback) => { callback(null, { statusCode: 200, body: '' }); };`,
    `exports.handler = (event, context, callback) => { callback(new Error('boom')); };`,
    `exports.handler = (event, context, callback) => { callback('failed'); };`,
    `exports.handler = (event, context, callback) => { try { run(); } catch (error) { return callback(error); } callback(null, 1); };`,
    // Each path calls it once.
    `exports.handler = (event, context, callback) => { if (event.a) { callback(null, 1); } else { callback(null, 2); } };`,
    `exports.handler = (event, context, callback) => { if (event.a) { return callback(null, 1); } callback(null, 2); };`,
    `exports.handler = (event, context) => { if (event.a) { context.fail(new Error('a')); return; } context.succeed(1); };`,
    // Every path ends with a call or a throw.
    `exports.handler = (event, context, callback) => { if (!event.a) throw new Error('no a'); callback(null, 1); };`,
    // The callback escapes: what the nested function does is not followed.
    `exports.handler = (event, context, callback) => { db.get(event, (error, data) => { if (error) return callback(error); callback(null, data); }); };`,
    // Not for Node.js 24 only: no-callback-handler reports these handlers there.
    { code: `exports.handler = (event, context, callback) => { callback({ statusCode: 200 }); };`, settings: { 'aws-lambda': { runtime: 'nodejs24.x' } } },
    // A client error in a handler that is not an HTTP one.
    `exports.handler = async (event) => { if (!event.Records) throw new Error('missing records'); };`,
    // A wrapper that builds the response decides what a thrown error answers.
    `const wrap = (fn) => async (event) => { try { return { statusCode: 200, body: JSON.stringify(await fn(event)) }; } catch (e) { return { statusCode: 500, body: e.message }; } };\nexport const handler = wrap(async (event) => { if (!event.pathParameters.id) throw new Error('[400] id is required'); return { id: event.pathParameters.id }; });`,
    // Not a handler.
    `function run(callback) { callback({ statusCode: 200 }); callback(null); }`,
  ],
  invalid: [
    {
      code: `exports.handler = (event, context, callback) => {\n  callback({ statusCode: 200, body: JSON.stringify({ ok: true }) });\n};`,
      output: `exports.handler = (event, context, callback) => {\n  callback(null, { statusCode: 200, body: JSON.stringify({ ok: true }) });\n};`,
      errors: [{ messageId: 'responseAsError', data: CLASSIC, line: 2, column: 12, endLine: 2, endColumn: 67 }],
    },
    {
      code: `exports.handler = (event, context, callback) => {\n  const response = { statusCode: 200, body: '' };\n  callback(response);\n};`,
      output: `exports.handler = (event, context, callback) => {\n  const response = { statusCode: 200, body: '' };\n  callback(null, response);\n};`,
      errors: [{ messageId: 'responseAsError', data: CLASSIC, line: 3, column: 12, endLine: 3, endColumn: 20 }],
    },
    {
      // Not a response: reported, but what was meant is not known.
      code: `exports.handler = (event, context, callback) => { callback({ message: 'failed' }); };`,
      output: null,
      errors: [{ messageId: 'responseAsError', data: CLASSIC, line: 1, column: 60, endLine: 1, endColumn: 81 }],
    },
    {
      // The classic missing return: the second call is ignored.
      code: `exports.handler = (event, context, callback) => {\n  if (!event.id) {\n    callback(null, { statusCode: 400, body: 'id' });\n  }\n  callback(null, { statusCode: 200, body: 'ok' });\n};`,
      errors: [{ messageId: 'calledTwice', line: 5, column: 3, endLine: 5, endColumn: 50 }],
    },
    {
      code: `exports.handler = (event, context) => { context.succeed(1); context.succeed(2); };`,
      errors: [{ messageId: 'calledTwice', column: 61, line: 1, endLine: 1, endColumn: 79 }],
    },
    {
      code: `exports.handler = (event, context, callback) => {\n  if (event.id) {\n    callback(null, { statusCode: 200, body: 'ok' });\n  }\n};`,
      errors: [{ messageId: 'noCompletion', data: CLASSIC, line: 1, column: 19, endColumn: 48, endLine: 1 }],
    },
    {
      code: `exports.handler = function (event, context, callback) {\n  switch (event.httpMethod) {\n    case 'GET': return callback(null, { statusCode: 200 });\n    case 'POST': callback(null, { statusCode: 201 }); break;\n  }\n};`,
      errors: [{ messageId: 'noCompletion', data: CLASSIC, line: 1, column: 19, endLine: 1, endColumn: 28 }],
    },
    {
      code: `export const handler = async (event, context, callback) => {\n  await save(event);\n  callback(null, { statusCode: 201, body: '' });\n};`,
      errors: [
        {
          messageId: 'callbackInAsync',
          data: CLASSIC, line: 3, column: 3, endLine: 3, endColumn: 48,
          suggestions: [
            { messageId: 'convertToAsync', output: `export const handler = async (event, context) => {\n  await save(event);\n  return { statusCode: 201, body: '' };\n};` },
          ],
        },
      ],
    },
    {
      code: `exports.handler = (event, context, callback) => {\n  if (!event.pathParameters) return callback(new Error('[400] Missing id'));\n  callback(null, { statusCode: 200, body: '' });\n};`,
      errors: [
        {
          messageId: 'clientError',
          data: { ...REST_ERROR, status: '400' }, line: 2, column: 46, endLine: 2, endColumn: 75,
          suggestions: [
            {
              messageId: 'answerClientError',
              data: { status: '400' },
              output: `exports.handler = (event, context, callback) => {\n  if (!event.pathParameters) return callback(null, { statusCode: 400, body: JSON.stringify({ message: "Missing id" }) });\n  callback(null, { statusCode: 200, body: '' });\n};`,
            },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => {\n  const item = await find(event.pathParameters.id);\n  if (!item) throw new Error(\`Item \${event.pathParameters.id} not found\`);\n  return { statusCode: 200, body: JSON.stringify(item) };\n};`,
      errors: [
        {
          messageId: 'clientError',
          data: { ...REST_ERROR, status: '404' }, line: 3, column: 20, endLine: 3, endColumn: 74,
          suggestions: [
            {
              messageId: 'answerClientError',
              data: { status: '404' },
              output: `export const handler = async (event) => {\n  const item = await find(event.pathParameters.id);\n  if (!item) return { statusCode: 404, body: JSON.stringify({ message: \`Item \${event.pathParameters.id} not found\` }) };\n  return { statusCode: 200, body: JSON.stringify(item) };\n};`,
            },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => { if (!event.headers.authorization) throw new Error('Unauthorized'); return { statusCode: 204 }; };`,
      settings: { 'aws-lambda': { integration: 'http-v2' } },
      errors: [
        {
          messageId: 'clientError',
          data: { integration: 'API Gateway (HTTP API, payload 2.0)', answer: '500', status: '401' }, line: 1, column: 83, endLine: 1, endColumn: 108,
          suggestions: [
            {
              messageId: 'answerClientError',
              data: { status: '401' },
              output: `export const handler = async (event) => { if (!event.headers.authorization) return { statusCode: 401, body: JSON.stringify({ message: 'Unauthorized' }) }; return { statusCode: 204 }; };`,
            },
          ],
        },
      ],
    },
  ],
});

typescriptTester.run('valid-callback (TypeScript)', rule, {
  valid: [
    `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = (event, context, callback) => { callback(null, { statusCode: 200, body: '' }); };`,
    // A wrapper that builds the response decides what a thrown error answers.
    `const wrap = <E,>(fn: (event: E) => Promise<unknown>) => async (event: E) => { try { return { statusCode: 200, body: JSON.stringify(await fn(event)) }; } catch (e) { return { statusCode: 500, body: String(e) }; } };\nexport const handler = wrap(async (event: { pathParameters: { id?: string } }) => { if (!event.pathParameters.id) throw new Error('[400] id is required'); return { id: event.pathParameters.id }; });`,
  ],
  invalid: [
    {
      code: `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = (event, context, callback) => {\n  callback({ statusCode: 200, body: '' } as never);\n};`,
      output: `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = (event, context, callback) => {\n  callback(null, { statusCode: 200, body: '' } as never);\n};`,
      errors: [{ messageId: 'responseAsError', data: CLASSIC, line: 3, column: 12, endLine: 3, endColumn: 50 }],
    },
  ],
});

typedTester.run('valid-callback (type information)', rule, {
  valid: [
    `import type { Handler } from 'aws-lambda';\nexport const handler: Handler = (event, context, callback) => { callback(null, 1); };`,
  ],
  invalid: [
    {
      code: `exports.handler = (event, context, callback) => { callback(null, 1); callback(null, 2); };`,
      filename: 'javascript.js',
      errors: [{ messageId: 'calledTwice', line: 1, column: 70, endLine: 1, endColumn: 87 }],
    },
  ],
});

// The status each client error's words mean, in the suggested response.
javascriptTester.run('valid-callback: the status a client error means', rule, {
  valid: [],
  invalid: [
    {
      code: `exports.handler = (event, context, callback) => {\n  if (!event.headers.authorization) return callback(new Error('Forbidden'));\n  callback(null, { statusCode: 200, body: '' });\n};\n`,
      errors: [
        {
          messageId: 'clientError',
          data: { ...REST_ERROR, status: '403' },
          line: 2,
          column: 53,
          endLine: 2,
          endColumn: 75,
          suggestions: [
            {
              messageId: 'answerClientError',
              data: { status: '403' },
              output: `exports.handler = (event, context, callback) => {\n  if (!event.headers.authorization) return callback(null, { statusCode: 403, body: JSON.stringify({ message: 'Forbidden' }) });\n  callback(null, { statusCode: 200, body: '' });\n};\n`,
            },
          ],
        },
      ],
    },
    {
      code: `exports.handler = (event, context, callback) => {\n  if (!event.headers.authorization) return callback(new Error('Unauthorized'));\n  callback(null, { statusCode: 200, body: '' });\n};\n`,
      errors: [
        {
          messageId: 'clientError',
          data: { ...REST_ERROR, status: '401' },
          line: 2,
          column: 53,
          endLine: 2,
          endColumn: 78,
          suggestions: [
            {
              messageId: 'answerClientError',
              data: { status: '401' },
              output: `exports.handler = (event, context, callback) => {\n  if (!event.headers.authorization) return callback(null, { statusCode: 401, body: JSON.stringify({ message: 'Unauthorized' }) });\n  callback(null, { statusCode: 200, body: '' });\n};\n`,
            },
          ],
        },
      ],
    },
  ],
});

// A callback does not throw: the catch of a try whose last statement completes runs only when
// something before it threw.
javascriptTester.run('valid-callback: the callback in try and the error in catch', rule, {
  valid: [
    `exports.handler = (event, context, callback) => {\n  try {\n    const result = compute(event.body);\n    callback(null, { statusCode: 200, body: JSON.stringify(result) });\n  } catch (e) {\n    callback(e);\n  }\n};\n`,
    `exports.handler = (event, context, callback) => {\n  try {\n    return callback(null, { statusCode: 200, body: read(event.path) });\n  } catch (error) {\n    return callback(error);\n  }\n};\n`,
  ],
  invalid: [
    {
      // A call before the try can already have completed the invocation.
      code: `exports.handler = (event, context, callback) => {\n  if (event.warm) callback(null, 'warm');\n  try {\n    callback(null, { statusCode: 200, body: read(event.path) });\n  } catch (e) {\n    callback(e);\n  }\n};\n`,
      errors: [
        { messageId: 'calledTwice', line: 4, column: 5, endLine: 4, endColumn: 64 },
        { messageId: 'calledTwice', line: 6, column: 5, endLine: 6, endColumn: 16 },
      ],
    },
  ],
});

// A client error is one a guard raises on the request, whatever its words say.
javascriptTester.run('valid-callback: client errors by what their guard reads', rule, {
  valid: [
    // A guard on the environment: the server's error, however its words sound.
    `export const handler = async (event) => {\n  if (!process.env.TABLE_NAME) throw new Error('TABLE_NAME is required');\n  return { statusCode: 200, body: await read(event.pathParameters.id) };\n};\n`,
    // No guard at all.
    `export const handler = async (event) => {\n  const item = await read(event.pathParameters.id);\n  throw new Error('Invalid state');\n};\n`,
  ],
  invalid: [
    {
      code: `export const handler = async (event) => {\n  const body = JSON.parse(event.body);\n  if (!body.name) throw new Error('name');\n  return { statusCode: 201, body: JSON.stringify(await save(body)) };\n};\n`,
      errors: [
        {
          messageId: 'clientError',
          data: { ...REST_ERROR, status: '400' },
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'answerClientError',
              data: { status: '400' },
              output: `export const handler = async (event) => {\n  const body = JSON.parse(event.body);\n  if (!body.name) return { statusCode: 400, body: JSON.stringify({ message: 'name' }) };\n  return { statusCode: 201, body: JSON.stringify(await save(body)) };\n};\n`,
            },
          ],
        },
      ],
    },
  ],
});
