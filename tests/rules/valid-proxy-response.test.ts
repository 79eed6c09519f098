import path from 'node:path';
import rule from '../../src/rules/valid-proxy-response.js';
import { fixturesDir, PluginRuleTester } from '../rule-tester.js';

const javascriptTester = new PluginRuleTester('javascript');
const typedTester = new PluginRuleTester('typed');
const typescriptTester = new PluginRuleTester('typescript');

const REST = { integration: 'API Gateway (REST)', answer: 'answers 502 "Malformed Lambda proxy response"' };
const HTTP_V1 = { integration: 'API Gateway (HTTP API, payload 1.0)', answer: 'answers 500' };
const HTTP_V2 = { integration: 'API Gateway (HTTP API, payload 2.0)', answer: 'answers 500' };
const URL = { integration: 'The Function URL', answer: 'answers with an error' };
const ALB = { integration: 'The load balancer (ALB)', answer: 'answers 502 (LambdaInvalidResponse)' };

javascriptTester.run('valid-proxy-response: response type', rule, {
  valid: [
    `export const handler = async (event) => ({ statusCode: 200, body: 'ok' });`,
    // HTTP API 2.0 and Function URLs turn a string, a number or an array into the body.
    { code: `export const handler = async (event) => ('Hello from Lambda!');`, settings: { 'aws-lambda': { integration: 'http-v2' } } },
    { code: `export const handler = async (event) => ([1, 2]);`, settings: { 'aws-lambda': { integration: 'url' } } },
    // A handler without HTTP evidence is not judged: it may be invoked directly.
    `export const handler = async (event) => 'done';`,
    `export const handler = async (event) => { await work(event); };`,
    // A callback-style handler's bare return is an early exit, not its response.
    { code: `exports.handler = (event, context, callback) => { if (!event.id) { callback(null, { statusCode: 400, body: '' }); return; } callback(null, { statusCode: 200, body: '' }); };`, settings: { 'aws-lambda': { integration: 'rest' } } },
    // Errors are the callback rules' business.
    { code: `exports.handler = (event, context, callback) => { callback(new Error('x')); };`, settings: { 'aws-lambda': { integration: 'rest' } } },
    // Streaming handlers write to their stream.
    { code: `export const handler = awslambda.streamifyResponse(async (event, stream) => { stream.end(); });`, settings: { 'aws-lambda': { integration: 'url' } } },
    // Unknown values are never reported.
    { code: `export const handler = async (event) => (build(event));`, settings: { 'aws-lambda': { integration: 'rest' } } },
    // Every path returns or throws.
    `export const handler = async (event) => {\n  if (event.httpMethod === 'GET') return { statusCode: 200, body: '' };\n  throw new Error('unsupported');\n};`,
    `export const handler = async (event) => {\n  try {\n    return { statusCode: 200, body: await load(event.path) };\n  } catch {\n    return { statusCode: 500, body: '' };\n  }\n};`,
    `export const handler = async (event) => {\n  switch (event.httpMethod) {\n    case 'GET': return { statusCode: 200, body: '' };\n    default: return { statusCode: 405, body: '' };\n  }\n};`,
    `export const handler = async (event) => {\n  while (true) {\n    if (await ready(event.path)) return { statusCode: 200, body: '' };\n  }\n};`,
    // A callback-style async handler is the callback rules' business.
    { code: `export const handler = async (event, context, callback) => { if (event.a) callback(null, { statusCode: 200 }); };`, settings: { 'aws-lambda': { integration: 'rest' } } },
  ],
  invalid: [
    {
      code: `export const handler = async (event) => JSON.stringify({ statusCode: 200, body: event.httpMethod });`,
      output: `export const handler = async (event) => ({ statusCode: 200, body: event.httpMethod });`,
      errors: [{ messageId: 'stringifiedResponse', data: { integration: REST.integration, consequence: REST.answer }, line: 1, column: 41, endLine: 1, endColumn: 100 }],
    },
    {
      code: `exports.handler = function (event, context, callback) {\n  const response = { statusCode: 200, body: JSON.stringify({ path: event.path }) };\n  callback(null, JSON.stringify(response));\n};`,
      output: `exports.handler = function (event, context, callback) {\n  const response = { statusCode: 200, body: JSON.stringify({ path: event.path }) };\n  callback(null, response);\n};`,
      errors: [{ messageId: 'stringifiedResponse', data: { integration: REST.integration, consequence: REST.answer }, line: 3, column: 18, endLine: 3, endColumn: 42 }],
    },
    {
      code: `const response = { statusCode: 200, body: '' };\nexport const handler = async (event) => JSON.stringify(response);`,
      output: `const response = { statusCode: 200, body: '' };\nexport const handler = async (event) => response;`,
      settings: { 'aws-lambda': { integration: 'http-v2' } },
      errors: [
        {
          messageId: 'stringifiedResponse',
          data: {
            integration: HTTP_V2.integration,
            consequence: 'sends this JSON text as the body with status 200, so its `statusCode` and `headers` are lost',
          }, line: 2, column: 41, endLine: 2, endColumn: 65,
        },
      ],
    },
    {
      // With a replacer or an indent, unwrapping would not be the same call: no fix.
      code: `export const handler = async (event) => JSON.stringify({ statusCode: 200, body: '' }, null, 2);`,
      output: null,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [{ messageId: 'stringifiedResponse', line: 1, column: 41, endLine: 1, endColumn: 95 }],
    },
    {
      code: `export const handler = async (event) => ('Hello from Lambda!');`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [{ messageId: 'notAnObject', data: { ...REST, what: 'a string' }, line: 1, column: 42, endLine: 1, endColumn: 62 }],
    },
    {
      code: `export const handler = async (event) => ([1, 2]);`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [{ messageId: 'notAnObject', data: { ...ALB, what: 'an array' }, line: 1, column: 42, endLine: 1, endColumn: 48 }],
    },
    {
      code: `export const handler = async (event) => (42);`,
      settings: { 'aws-lambda': { integration: 'http-v1' } },
      errors: [{ messageId: 'notAnObject', data: { ...HTTP_V1, what: 'a number' }, line: 1, column: 42, endLine: 1, endColumn: 44 }],
    },
    {
      code: `export const handler = async (event) => { if (!event.httpMethod) return; return null; };`,
      errors: [
        { messageId: 'notAnObject', data: { ...REST, what: '`undefined`' }, column: 66, line: 1, endLine: 1, endColumn: 73 },
        { messageId: 'notAnObject', data: { ...REST, what: '`null`' }, column: 81, line: 1, endLine: 1, endColumn: 85 },
      ],
    },
    {
      code: `export const handler = async (event) => { if (event.rawPath === '/') return null; return { statusCode: 204 }; };`,
      errors: [{ messageId: 'notAnObjectV2', data: { integration: HTTP_V2.integration, what: '`null`' }, line: 1, column: 77, endLine: 1, endColumn: 81 }],
    },
    {
      code: `exports.handler = (event, context, callback) => { callback(null); };`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [{ messageId: 'notAnObject', data: { ...REST, what: '`undefined`' }, line: 1, column: 51, endLine: 1, endColumn: 65 }],
    },
    {
      // A branch that runs off the end answers undefined, so null.
      code: `export const handler = async (event) => {\n  if (event.httpMethod === 'GET') {\n    return { statusCode: 200, body: '' };\n  }\n};`,
      errors: [{ messageId: 'noResponseOnSomePath', data: REST, line: 1, column: 24, endColumn: 40, endLine: 1 }],
    },
    {
      code: `export const handler = async (event) => {\n  switch (event.requestContext.http.method) {\n    case 'GET':\n      return { statusCode: 200, body: 'x' };\n  }\n};`,
      errors: [{ messageId: 'noResponseV2', data: { integration: HTTP_V2.integration }, line: 1, column: 24, endLine: 1, endColumn: 40 }],
    },
    {
      code: `export const handler = async (event) => { console.log(event.httpMethod); };`,
      errors: [{ messageId: 'noResponse', data: REST, line: 1, column: 24, endColumn: 40, endLine: 1 }],
    },
  ],
});

javascriptTester.run('valid-proxy-response: response keys', rule, {
  valid: [
    // HTTP API 2.0 and Function URLs send any JSON as the body.
    { code: `export const handler = async (event) => ({ Hello: 'World' });`, settings: { 'aws-lambda': { integration: 'http-v2' } } },
    { code: `export const handler = async (event) => ({ Hello: 'World' });`, settings: { 'aws-lambda': { integration: 'url' } } },
    // HTTP API 1.0 ignores unknown keys; ALB accepts statusDescription.
    { code: `export const handler = async (event) => ({ statusCode: 200, body: '', cookies: ['a=b'] });`, settings: { 'aws-lambda': { integration: 'http-v1' } } },
    { code: `export const handler = async (event) => ({ statusCode: 200, statusDescription: '200 OK', headers: {}, body: '' });`, settings: { 'aws-lambda': { integration: 'alb' } } },
    // A spread that may hold the response keys.
    { code: `export const handler = async (event) => ({ ...defaults, Hello: 'World' });`, settings: { 'aws-lambda': { integration: 'rest' } } },
  ],
  invalid: [
    {
      code: `exports.handler = function (event, context, callback) {\n  callback(null, { Hello: 'World' });\n};`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [
        {
          messageId: 'noProxyKeys',
          data: { ...REST, key: 'Hello' },
          line: 2,
          column: 18, endLine: 2, endColumn: 36,
          suggestions: [
            {
              messageId: 'wrapInResponse',
              output: `exports.handler = function (event, context, callback) {\n  callback(null, { statusCode: 200, body: JSON.stringify({ Hello: 'World' }) });\n};`,
            },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => ({ Hello: 'World' });`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [
        {
          messageId: 'noProxyKeys',
          data: { ...ALB, key: 'Hello' }, line: 1, column: 42, endLine: 1, endColumn: 60,
          suggestions: [{ messageId: 'wrapInResponse', output: `export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ Hello: 'World' }) });` }],
        },
      ],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, body: '', cookies: ['a=b'], Hello: 1 });`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [
        {
          messageId: 'unknownKey',
          data: { ...REST, key: 'cookies', hint: "; REST responses set cookies with `multiValueHeaders: { 'Set-Cookie': [...] }`" },
          column: 71, line: 1, endLine: 1, endColumn: 78,
        },
        { messageId: 'unknownKey', data: { ...REST, key: 'Hello', hint: '' }, column: 89, line: 1, endLine: 1, endColumn: 94 },
      ],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, statusDescription: '200 OK', body: '' });`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [
        { messageId: 'unknownKey', data: { ...REST, key: 'statusDescription', hint: '; `statusDescription` is for the load balancer (ALB) only' }, line: 1, column: 61, endLine: 1, endColumn: 78 },
      ],
    },
    {
      code: `export const handler = async (event) => ({ StatusCode: 200, Body: 'ok', 'isBase64encoded': false, multivalueHeaders: {}, header: {} });`,
      output: `export const handler = async (event) => ({ statusCode: 200, body: 'ok', 'isBase64Encoded': false, multiValueHeaders: {}, headers: {} });`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [
        { messageId: 'misspelledKey', data: { ...REST, key: 'StatusCode', fixed: 'statusCode' }, line: 1, column: 44, endLine: 1, endColumn: 54 },
        { messageId: 'misspelledKey', data: { ...REST, key: 'Body', fixed: 'body' }, line: 1, column: 61, endLine: 1, endColumn: 65 },
        { messageId: 'misspelledKey', data: { ...REST, key: 'isBase64encoded', fixed: 'isBase64Encoded' }, line: 1, column: 73, endLine: 1, endColumn: 90 },
        { messageId: 'misspelledKey', data: { ...REST, key: 'multivalueHeaders', fixed: 'multiValueHeaders' }, line: 1, column: 99, endLine: 1, endColumn: 116 },
        { messageId: 'misspelledKey', data: { ...REST, key: 'header', fixed: 'headers' }, line: 1, column: 122, endLine: 1, endColumn: 128 },
      ],
    },
    {
      // A shorthand key keeps its value; a key added later is renamed where it is assigned.
      code: `export const handler = async (event) => {\n  const statuscode = 200;\n  const r = { statuscode };\n  r.Body = event.httpMethod;\n  return r;\n};`,
      output: `export const handler = async (event) => {\n  const statuscode = 200;\n  const r = { statusCode: statuscode };\n  r.body = event.httpMethod;\n  return r;\n};`,
      errors: [
        { messageId: 'misspelledKey', data: { ...REST, key: 'statuscode', fixed: 'statusCode' }, line: 3, column: 15, endLine: 3, endColumn: 25 },
        { messageId: 'misspelledKey', data: { ...REST, key: 'Body', fixed: 'body' }, line: 4, column: 5, endLine: 4, endColumn: 9 },
      ],
    },
    {
      // Renaming would collide with the key that is there: no fix.
      code: `export const handler = async (event) => ({ statusCode: 200, StatusCode: 201, body: '' });`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [{ messageId: 'unknownKey', data: { ...REST, key: 'StatusCode', hint: '' }, line: 1, column: 61, endLine: 1, endColumn: 71 }],
    },
  ],
});

javascriptTester.run('valid-proxy-response: statusCode', rule, {
  valid: [
    `export const handler = async (event) => ({ statusCode: 200, body: '' });`,
    // REST answers 200 without statusCode, and accepts numeric strings.
    { code: `export const handler = async (event) => ({ body: 'ok' });`, settings: { 'aws-lambda': { integration: 'rest' } } },
    { code: `export const handler = async (event) => ({ statusCode: '201', body: '' });`, settings: { 'aws-lambda': { integration: 'rest' } } },
    { code: `export const handler = async (event) => ({ statusCode: '418' });`, settings: { 'aws-lambda': { integration: 'url' } } },
    // 2.0 infers a response from an object without statusCode and without response keys.
    { code: `export const handler = async (event) => ({ items: [] });`, settings: { 'aws-lambda': { integration: 'http-v2' } } },
    // A spread may bring the statusCode.
    { code: `export const handler = async (event) => ({ ...base, body: '' });`, settings: { 'aws-lambda': { integration: 'http-v2' } } },
    { code: `export const handler = async (event) => ({ statusCode: code, headers: {}, body: '' });`, settings: { 'aws-lambda': { integration: 'alb' } } },
  ],
  invalid: [
    {
      code: `export const handler = async (event) => ({ statusCode: 'OK', body: '' });`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [{ messageId: 'statusCodeNotNumeric', data: { ...REST, what: "the string 'OK'" }, column: 56, line: 1, endLine: 1, endColumn: 60 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: true });`,
      settings: { 'aws-lambda': { integration: 'url' } },
      errors: [{ messageId: 'statusCodeNotNumeric', data: { ...URL, what: 'a boolean' }, line: 1, column: 56, endLine: 1, endColumn: 60 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: '200', headers: {}, body: '' });`,
      output: `export const handler = async (event) => ({ statusCode: 200, headers: {}, body: '' });`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [{ messageId: 'statusCodeString', data: { integration: ALB.integration, value: "'200'", consequence: ALB.answer }, line: 1, column: 56, endLine: 1, endColumn: 61 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: '201', body: '' });`,
      output: `export const handler = async (event) => ({ statusCode: 201, body: '' });`,
      options: [{ allowNumericStatusCodeStrings: false }],
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [{ messageId: 'statusCodeString', data: { integration: REST.integration, value: "'201'", consequence: 'accepts it' }, line: 1, column: 56, endLine: 1, endColumn: 61 }],
    },
    {
      code: `export const handler = async (event) => ({ body: 'ok' });`,
      settings: { 'aws-lambda': { integration: 'http-v1' } },
      errors: [
        {
          messageId: 'missingStatusCode',
          data: HTTP_V1, line: 1, column: 42, endLine: 1, endColumn: 56,
          suggestions: [{ messageId: 'addStatusCode', output: `export const handler = async (event) => ({ statusCode: 200, body: 'ok' });` }],
        },
      ],
    },
    {
      code: `export const handler = async (event) => ({\n  headers: {},\n  body: 'ok',\n});`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [
        {
          messageId: 'missingStatusCode',
          data: ALB, line: 1, column: 42, endLine: 4, endColumn: 2,
          suggestions: [{ messageId: 'addStatusCode', output: `export const handler = async (event) => ({\n  statusCode: 200,\n  headers: {},\n  body: 'ok',\n});` }],
        },
      ],
    },
    {
      code: `export const handler = async (event) => {\n  return {\n    headers: { 'Content-Type': 'text/html' },\n    body: event.rawPath,\n  };\n};`,
      output: `export const handler = async (event) => {\n  return {\n    statusCode: 200,\n    headers: { 'Content-Type': 'text/html' },\n    body: event.rawPath,\n  };\n};`,
      errors: [{ messageId: 'missingStatusCodeV2', data: { integration: HTTP_V2.integration }, line: 2, column: 10, endLine: 5, endColumn: 4 }],
    },
    {
      code: `export const handler = async (event) => ({ cookies: ['a=b'] });`,
      output: `export const handler = async (event) => ({ statusCode: 200, cookies: ['a=b'] });`,
      settings: { 'aws-lambda': { integration: 'url' } },
      errors: [{ messageId: 'missingStatusCodeV2', data: { integration: URL.integration }, line: 1, column: 42, endLine: 1, endColumn: 62 }],
    },
    {
      code: `export const handler = async (event) => ({ body: 'ok' });`,
      output: `export const handler = async (event) => ({ statusCode: 200, body: 'ok' });`,
      options: [{ requireStatusCode: true }],
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [{ messageId: 'missingStatusCodeRest', data: { integration: REST.integration }, line: 1, column: 42, endLine: 1, endColumn: 56 }],
    },
  ],
});

javascriptTester.run('valid-proxy-response: body', rule, {
  valid: [
    `export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ a: 1 }) });`,
    `export const handler = async (event) => ({ statusCode: 200, body: \`\${1}\` });`,
    // A null body is tolerated by API Gateway.
    { code: `export const handler = async (event) => ({ statusCode: 204, body: null });`, settings: { 'aws-lambda': { integration: 'rest' } } },
    // A number or boolean body is not known to fail.
    { code: `export const handler = async (event) => ({ statusCode: 200, body: 1 });`, settings: { 'aws-lambda': { integration: 'rest' } } },
    { code: `export const handler = async (event) => ({ statusCode: 200, body: data });`, settings: { 'aws-lambda': { integration: 'rest' } } },
  ],
  invalid: [
    {
      code: `export const handler = async (event) => ({ statusCode: 200, body: { a: 1 } });`,
      output: `export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ a: 1 }) });`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, column: 67, line: 1, endLine: 1, endColumn: 75 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, body: [1] });`,
      output: `export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify([1]) });`,
      settings: { 'aws-lambda': { integration: 'http-v2' } },
      errors: [{ messageId: 'bodyNotString', data: { ...HTTP_V2, what: 'an array' }, line: 1, column: 67, endLine: 1, endColumn: 70 }],
    },
    {
      // The object is bound elsewhere: the property's value is wrapped, not the shared literal.
      code: `export const handler = async (event) => {\n  const item = { id: event.pathParameters.id };\n  return { statusCode: 200, body: item };\n};`,
      output: `export const handler = async (event) => {\n  const item = { id: event.pathParameters.id };\n  return { statusCode: 200, body: JSON.stringify(item) };\n};`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 3, column: 35, endLine: 3, endColumn: 39 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, body: event.ok ? { a: 1 } : 'none' });`,
      output: `export const handler = async (event) => ({ statusCode: 200, body: event.ok ? JSON.stringify({ a: 1 }) : 'none' });`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 1, column: 78, endLine: 1, endColumn: 86 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, body: Buffer.from('png'), headers: {} });`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [
        {
          messageId: 'bodyNotString',
          data: { ...REST, what: 'a Buffer' }, line: 1, column: 67, endLine: 1, endColumn: 85,
          suggestions: [
            {
              messageId: 'encodeBase64',
              output: `export const handler = async (event) => ({ statusCode: 200, body: Buffer.from('png').toString('base64'), isBase64Encoded: true, headers: {} });`,
            },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => ({\n  statusCode: 200,\n  headers: {},\n  isBase64Encoded: false,\n  body: image,\n});\nconst image = new Uint8Array(4);`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [
        {
          messageId: 'bodyNotString',
          data: { ...ALB, what: 'a Buffer' }, line: 5, column: 9, endLine: 5, endColumn: 14,
          suggestions: [
            {
              messageId: 'encodeBase64',
              output: `export const handler = async (event) => ({\n  statusCode: 200,\n  headers: {},\n  isBase64Encoded: true,\n  body: image.toString('base64'),\n});\nconst image = new Uint8Array(4);`,
            },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => {\n  const response = await fetch(event.queryStringParameters.url);\n  return { statusCode: 200, body: response.json() };\n};`,
      errors: [
        {
          messageId: 'bodyNotString',
          data: { ...REST, what: 'a promise' }, line: 3, column: 35, endLine: 3, endColumn: 50,
          suggestions: [
            {
              messageId: 'awaitAndStringify',
              output: `export const handler = async (event) => {\n  const response = await fetch(event.queryStringParameters.url);\n  return { statusCode: 200, body: JSON.stringify(await response.json()) };\n};`,
            },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => {\n  const res = await fetch(event.queryStringParameters.url);\n  return { statusCode: 200, body: await res.json() };\n};`,
      errors: [
        {
          messageId: 'bodyNotString',
          data: { ...REST, what: 'parsed JSON' },
          line: 3,
          column: 35, endLine: 3, endColumn: 51,
          suggestions: [
            {
              messageId: 'stringify',
              output: `export const handler = async (event) => {\n  const res = await fetch(event.queryStringParameters.url);\n  return { statusCode: 200, body: JSON.stringify(await res.json()) };\n};`,
            },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, headers: {}, body: null });`,
      output: `export const handler = async (event) => ({ statusCode: 200, headers: {}, body: '' });`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [{ messageId: 'nullField', data: { ...ALB, key: 'body' }, line: 1, column: 80, endLine: 1, endColumn: 84 }],
    },
  ],
});

javascriptTester.run('valid-proxy-response: headers, multiValueHeaders, isBase64Encoded, cookies', rule, {
  valid: [
    // REST sends a boolean header as "true".
    { code: `export const handler = async (event) => ({ statusCode: 200, headers: { 'Access-Control-Allow-Credentials': true }, body: '' });`, settings: { 'aws-lambda': { integration: 'rest' } } },
    { code: `export const handler = async (event) => ({ statusCode: 200, headers: null, body: '' });`, settings: { 'aws-lambda': { integration: 'rest' } } },
    { code: `export const handler = async (event) => ({ statusCode: 200, multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] }, body: '' });`, settings: { 'aws-lambda': { integration: 'rest' } } },
    { code: `export const handler = async (event) => ({ statusCode: 200, cookies: ['a=1', token], body: '' });`, settings: { 'aws-lambda': { integration: 'http-v2' } } },
    { code: `export const handler = async (event) => ({ statusCode: 200, headers: { 'Content-Length': String(n) }, body: '' });`, settings: { 'aws-lambda': { integration: 'alb' } } },
    `export const handler = async (event) => ({ statusCode: 200, isBase64Encoded: true, body: 'aGk=' });`,
  ],
  invalid: [
    {
      code: `export const handler = async (event) => ({\n  statusCode: 302,\n  headers: {\n    Location: '/home',\n    'Set-Cookie': ['session=abc', 'theme=dark'],\n  },\n  body: '',\n});`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [
        {
          messageId: 'headerArray',
          data: { ...REST, name: 'Set-Cookie', what: 'an array', hint: '; several values go in `multiValueHeaders`' },
          line: 5, column: 19, endLine: 5, endColumn: 48,
          suggestions: [
            {
              messageId: 'moveToMultiValueHeaders',
              data: { name: 'Set-Cookie' },
              output: `export const handler = async (event) => ({\n  statusCode: 302,\n  headers: {\n    Location: '/home',\n  },\n  multiValueHeaders: { 'Set-Cookie': ['session=abc', 'theme=dark'] },\n  body: '',\n});`,
            },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, headers: { 'set-cookie': ['a=1'] }, multiValueHeaders: { Vary: ['Origin'] }, body: '' });`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [
        {
          messageId: 'headerArray',
          data: { ...ALB, name: 'set-cookie', what: 'an array', hint: '; several values go in `multiValueHeaders`' }, line: 1, column: 86, endLine: 1, endColumn: 93,
          suggestions: [
            {
              messageId: 'moveToMultiValueHeaders',
              data: { name: 'set-cookie' },
              output: `export const handler = async (event) => ({ statusCode: 200, headers: {  }, multiValueHeaders: { 'set-cookie': ['a=1'], Vary: ['Origin'] }, body: '' });`,
            },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, headers: { 'Set-Cookie': ['a=1', 'b=2'] }, body: '' });`,
      settings: { 'aws-lambda': { integration: 'http-v2' } },
      errors: [
        {
          messageId: 'headerArray',
          data: { ...HTTP_V2, name: 'Set-Cookie', what: 'an array', hint: '; cookies go in `cookies`' }, line: 1, column: 86, endLine: 1, endColumn: 100,
          suggestions: [
            { messageId: 'moveToCookies', output: `export const handler = async (event) => ({ statusCode: 200, headers: {  }, cookies: ['a=1', 'b=2'], body: '' });` },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, headers: { Vary: ['Origin', 'Accept'] }, body: '' });`,
      settings: { 'aws-lambda': { integration: 'url' } },
      errors: [{ messageId: 'headerArray', data: { ...URL, name: 'Vary', what: 'an array', hint: '; join several values with commas' }, line: 1, column: 78, endLine: 1, endColumn: 98 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, headers: { 'X-Data': { a: 1 }, 'X-None': null }, body: '' });`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [
        { messageId: 'headerNotString', data: { ...REST, name: 'X-Data', what: 'an object' }, line: 1, column: 82, endLine: 1, endColumn: 90 },
        { messageId: 'headerNotString', data: { ...REST, name: 'X-None', what: '`null`' }, line: 1, column: 102, endLine: 1, endColumn: 106 },
      ],
    },
    {
      // Without type information, \`body.length\` is unknown and left alone.
      code: `export const handler = async (event) => ({ statusCode: 200, headers: { 'Content-Length': 12, 'Access-Control-Allow-Credentials': true, 'X-Len': body.length }, body });`,
      output: `export const handler = async (event) => ({ statusCode: 200, headers: { 'Content-Length': '12', 'Access-Control-Allow-Credentials': 'true', 'X-Len': body.length }, body });`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [
        { messageId: 'headerNotString', data: { ...ALB, name: 'Content-Length', what: 'a number' }, line: 1, column: 90, endLine: 1, endColumn: 92 },
        { messageId: 'headerNotString', data: { ...ALB, name: 'Access-Control-Allow-Credentials', what: 'a boolean' }, line: 1, column: 130, endLine: 1, endColumn: 134 },
      ],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, headers: [], body: '' });`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [{ messageId: 'headersNotObject', data: { ...REST, what: 'an array' }, line: 1, column: 70, endLine: 1, endColumn: 72 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, headers: null, body: '' });`,
      output: `export const handler = async (event) => ({ statusCode: 200, headers: {}, body: '' });`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [{ messageId: 'nullField', data: { ...ALB, key: 'headers' }, line: 1, column: 70, endLine: 1, endColumn: 74 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, multiValueHeaders: { 'x-one': 'v', 'x-obj': { a: 1 } }, body: '' });`,
      output: `export const handler = async (event) => ({ statusCode: 200, multiValueHeaders: { 'x-one': ['v'], 'x-obj': { a: 1 } }, body: '' });`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [
        { messageId: 'multiValueNotArray', data: { ...REST, name: 'x-one', what: 'a string' }, line: 1, column: 91, endLine: 1, endColumn: 94 },
        { messageId: 'multiValueNotArray', data: { ...REST, name: 'x-obj', what: 'an object' }, line: 1, column: 105, endLine: 1, endColumn: 113 },
      ],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, multiValueHeaders: { Vary: ['a'] }, body: '' });`,
      settings: { 'aws-lambda': { integration: 'http-v2' } },
      errors: [{ messageId: 'multiValueIgnored', data: { integration: HTTP_V2.integration }, line: 1, column: 61, endLine: 1, endColumn: 78 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, isBase64Encoded: 'true', body: 'aGk=' });`,
      output: `export const handler = async (event) => ({ statusCode: 200, isBase64Encoded: true, body: 'aGk=' });`,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [{ messageId: 'base64NotBoolean', data: { what: "the string 'true'" }, line: 1, column: 78, endLine: 1, endColumn: 84 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, isBase64Encoded: 1, body: '' });`,
      settings: { 'aws-lambda': { integration: 'url' } },
      errors: [{ messageId: 'base64NotBoolean', data: { what: 'a number' }, line: 1, column: 78, endLine: 1, endColumn: 79 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, cookies: 'a=1', body: '' });`,
      settings: { 'aws-lambda': { integration: 'http-v2' } },
      errors: [{ messageId: 'cookiesNotStrings', data: { integration: HTTP_V2.integration, what: 'a string' }, line: 1, column: 70, endLine: 1, endColumn: 75 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, cookies: ['a=1', { b: 2 }], body: '' });`,
      settings: { 'aws-lambda': { integration: 'url' } },
      errors: [{ messageId: 'cookiesNotStrings', data: { integration: URL.integration, what: 'an array with other values' }, line: 1, column: 78, endLine: 1, endColumn: 86 }],
    },
  ],
});

javascriptTester.run('valid-proxy-response: options and values followed through the file', rule, {
  valid: [
    { code: `export const handler = async (event) => ({ statusCode: 200, body: { a: 1 } });`, options: [{ checks: { body: false } }] },
    { code: `export const handler = async (event) => ({ Hello: 'World' });`, settings: { 'aws-lambda': { integration: 'rest' } }, options: [{ checks: { 'response-keys': false } }] },
    { code: `export const handler = async (event) => ({ statusCode: 200, body: '', extra: 1 });`, settings: { 'aws-lambda': { integration: 'rest' } }, options: [{ checks: { 'unknown-keys': false } }] },
  ],
  invalid: [
    {
      // The responder pattern: helpers defined in the file, with the body passed in.
      code: `const cors = { 'Access-Control-Allow-Origin': '*' };\nconst responder = {\n  success: (data) => ({ statusCode: 200, headers: cors, body: JSON.stringify(data) }),\n  raw: (data) => ({ statusCode: 200, headers: cors, body: data, Headers: {} }),\n};\nmodule.exports.handler = async (event) => (event.raw ? responder.raw('x') : responder.success({ id: event.pathParameters.id }));`,
      output: null,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [{ messageId: 'unknownKey', data: { ...REST, key: 'Headers', hint: '' }, line: 4, column: 65, endLine: 4, endColumn: 72 }],
    },
  ],
});

typescriptTester.run('valid-proxy-response: TypeScript', rule, {
  valid: [
    `import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandlerV2 = async () => ({ message: 'inferred' });`,
    `import type { SQSHandler } from 'aws-lambda';\nexport const handler: SQSHandler = async () => ({ batchItemFailures: [] }) as never;`,
    // A WebSocket route is not judged as an HTTP API 2.0 handler.
    `import type { APIGatewayProxyWebsocketHandlerV2 } from 'aws-lambda';\nexport const handler: APIGatewayProxyWebsocketHandlerV2 = async (event) => ({ body: { connected: event.requestContext.connectionId } });`,
  ],
  invalid: [
    {
      code: `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: { id: event.path } as const });`,
      output: `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: JSON.stringify({ id: event.path } as const) });`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 2, column: 91, endLine: 2, endColumn: 109 }],
    },
    {
      // Without type information, the handler type still says what the event's fields hold.
      code: `import type { ALBHandler } from 'aws-lambda';\nexport const handler: ALBHandler = async (event) => ({ statusCode: 200, headers: { 'x-encoded': event.isBase64Encoded }, body: event.path });`,
      output: `import type { ALBHandler } from 'aws-lambda';\nexport const handler: ALBHandler = async (event) => ({ statusCode: 200, headers: { 'x-encoded': String(event.isBase64Encoded) }, body: event.path });`,
      errors: [{ messageId: 'headerNotString', data: { ...ALB, name: 'x-encoded', what: 'a boolean' }, line: 2, column: 97, endLine: 2, endColumn: 118 }],
    },
    {
      code: `import type { ALBHandler } from 'aws-lambda';\nexport const handler: ALBHandler = async () => ({ statusCode: 200, headers: { 'content-length': 0 } });`,
      output: `import type { ALBHandler } from 'aws-lambda';\nexport const handler: ALBHandler = async () => ({ statusCode: 200, headers: { 'content-length': '0' } });`,
      errors: [{ messageId: 'headerNotString', data: { ...ALB, name: 'content-length', what: 'a number' }, line: 2, column: 97, endLine: 2, endColumn: 98 }],
    },
    {
      code: `import type { LambdaFunctionURLHandler } from 'aws-lambda';\nexport const handler: LambdaFunctionURLHandler = async () => ({ body: '<p>hi</p>', headers: { 'content-type': 'text/html' } });`,
      output: `import type { LambdaFunctionURLHandler } from 'aws-lambda';\nexport const handler: LambdaFunctionURLHandler = async () => ({ statusCode: 200, body: '<p>hi</p>', headers: { 'content-type': 'text/html' } });`,
      errors: [{ messageId: 'missingStatusCodeV2', data: { integration: URL.integration }, line: 2, column: 63, endLine: 2, endColumn: 126 }],
    },
  ],
});

typedTester.run('valid-proxy-response: type information', rule, {
  valid: [
    `import { okResponse } from './helpers.js';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => okResponse(event.path);`,
    `import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => ({ statusCode: 200, body: event.body ?? '' });`,
    { code: `exports.handler = async (event) => ({ statusCode: 200, body: String(event.httpMethod) });`, filename: 'javascript.js' },
  ],
  invalid: [
    {
      // A helper from another module, judged from its type.
      code: `import { buildResponse } from './helpers.js';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => buildResponse({ id: event.path, name: '' });`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 3, column: 63, endLine: 3, endColumn: 106 }],
    },
    {
      // A body typed as a plain object gets JSON.stringify.
      code: `import { fetchItem } from './helpers.js';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const item = await fetchItem(event.path);\n  return { statusCode: 200, body: item };\n};`,
      output: `import { fetchItem } from './helpers.js';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const item = await fetchItem(event.path);\n  return { statusCode: 200, body: JSON.stringify(item) };\n};`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 5, column: 35, endLine: 5, endColumn: 39 }],
    },
    {
      // An object that is not a response, known from its type.
      code: `import { fetchItem } from './helpers.js';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => fetchItem(event.path);`,
      errors: [
        {
          messageId: 'noProxyKeys',
          data: { ...REST, key: 'id' }, line: 3, column: 63, endLine: 3, endColumn: 84,
          suggestions: [
            {
              messageId: 'wrapInResponse',
              output: `import { fetchItem } from './helpers.js';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => ({ statusCode: 200, body: JSON.stringify(fetchItem(event.path)) });`,
            },
          ],
        },
      ],
    },
    {
      code: `import type { ALBEvent } from 'aws-lambda';\nexport const handler = async (event: ALBEvent) => ({ statusCode: 200, headers: { 'X-Len': event.path.length }, body: '' });`,
      output: `import type { ALBEvent } from 'aws-lambda';\nexport const handler = async (event: ALBEvent) => ({ statusCode: 200, headers: { 'X-Len': String(event.path.length) }, body: '' });`,
      errors: [{ messageId: 'headerNotString', data: { ...ALB, name: 'X-Len', what: 'a number' }, line: 2, column: 91, endLine: 2, endColumn: 108 }],
    },
    {
      code: `exports.handler = async (event) => ({ statusCode: 200, body: { method: event.httpMethod } });`,
      output: `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ method: event.httpMethod }) });`,
      filename: 'javascript.js',
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 1, column: 62, endLine: 1, endColumn: 90 }],
    },
  ],
});

// A key that a response's type declares optional may be missing from the value: only a key the
// type says is always there counts as present where a key must not be.
typedTester.run('valid-proxy-response: optional keys of a declared type', rule, {
  valid: [
    // `APIGatewayProxyResult` declares `multiValueHeaders?`: payload 2.0 ignores it only when it is there.
    `import type { APIGatewayProxyEventV2, APIGatewayProxyResult } from 'aws-lambda';\ndeclare function ok(body: string): APIGatewayProxyResult;\nexport const handler = async (event: APIGatewayProxyEventV2) => ok(event.rawPath);`,
    // `APIGatewayProxyStructuredResultV2` declares `cookies?`: REST rejects it only when it is there.
    `import type { APIGatewayProxyEvent, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';\ndeclare function ok(body: string): APIGatewayProxyStructuredResultV2;\nexport const handler = async (event: APIGatewayProxyEvent) => ok(event.path);`,
    // `ALBResult` declares both header fields optional: a value may have the one the target group reads.
    {
      code: `import type { ALBEvent, ALBResult } from 'aws-lambda';\ndeclare function ok(body: string): ALBResult;\nexport const handler = async (event: ALBEvent) => ok(event.path);`,
      filename: path.join(fixturesDir, 'descriptors/alb-typed/multi.ts'),
    },
  ],
  invalid: [
    {
      // Declared always there: payload 2.0 ignores it.
      code: `import type { APIGatewayProxyEventV2 } from 'aws-lambda';\ndeclare function ok(body: string): { statusCode: number; body: string; multiValueHeaders: Record<string, string[]> };\nexport const handler = async (event: APIGatewayProxyEventV2) => ok(event.rawPath);`,
      errors: [{ messageId: 'multiValueIgnored', data: { integration: HTTP_V2.integration }, line: 3, column: 65, endLine: 3, endColumn: 82 }],
    },
    {
      // An optional key is still judged by its kind: when it is there, it is an object.
      code: `import type { APIGatewayProxyEvent } from 'aws-lambda';\ndeclare function ok(body: string): { statusCode: number; body?: { id: string } };\nexport const handler = async (event: APIGatewayProxyEvent) => ok(event.path);`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 3, column: 63, endLine: 3, endColumn: 77 }],
    },
    {
      // Only `headers?`: with it or without it, the target group (multi-value headers on) gets no `multiValueHeaders`.
      code: `import type { ALBEvent } from 'aws-lambda';\ndeclare function ok(body: string): { statusCode: number; headers?: Record<string, string>; body: string };\nexport const handler = async (event: ALBEvent) => ok(event.path);`,
      filename: path.join(fixturesDir, 'descriptors/alb-typed/multi.ts'),
      errors: [
        {
          messageId: 'albHeadersField',
          data: { ...ALB, setting: 'on', descriptor: 'serverless.yml', expected: 'multiValueHeaders', used: 'headers' },
          line: 3, column: 51, endLine: 3, endColumn: 65,
        },
      ],
    },
  ],
});

typedTester.run('valid-proxy-response: parsed JSON with type information', rule, {
  valid: [
    // A typed parse result that is a string is a string body.
    `import type { APIGatewayProxyEvent } from 'aws-lambda';\ndeclare const source: { json(): Promise<string> };\nexport const handler = async (event: APIGatewayProxyEvent) => ({ statusCode: 200, body: await source.json() });`,
  ],
  invalid: [
    {
      // fetch's Response.json() is Promise<any>: the call's name says what it is.
      code: `import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const res = await fetch(event.path);\n  return { statusCode: 200, body: await res.json() };\n};`,
      errors: [
        {
          messageId: 'bodyNotString',
          data: { ...REST, what: 'parsed JSON' }, line: 4, column: 35, endLine: 4, endColumn: 51,
          suggestions: [
            {
              messageId: 'stringify',
              output: `import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const res = await fetch(event.path);\n  return { statusCode: 200, body: JSON.stringify(await res.json()) };\n};`,
            },
          ],
        },
      ],
    },
  ],
});

// The descriptor's ALB target groups decide which header field the load balancer reads.
javascriptTester.run('valid-proxy-response: ALB multi-value headers from the descriptor', rule, {
  valid: [
    {
      code: `export const handler = async (event) => ({\n  statusCode: 200,\n  headers: { "content-type": "text/plain" },\n  body: '',\n});\n`,
      filename: path.join(fixturesDir, 'descriptors/alb-targets/single.mjs'),
    },
    {
      code: `export const handler = async (event) => ({\n  statusCode: 200,\n  multiValueHeaders: { "content-type": ["text/plain"] },\n  body: '',\n});\n`,
      filename: path.join(fixturesDir, 'descriptors/alb-targets/multi.mjs'),
    },
    {
      // Both fields: the one the target group reads is there.
      code: `export const handler = async (event) => ({\n  statusCode: 200,\n  headers: { "content-type": "text/plain" },\n  multiValueHeaders: { "content-type": ["text/plain"] },\n  body: '',\n});\n`,
      filename: path.join(fixturesDir, 'descriptors/alb-targets/multi.mjs'),
    },
    {
      code: `export const handler = async (event) => ({\n  statusCode: 200,\n  headers: { "content-type": "text/plain" },\n  multiValueHeaders: { "content-type": ["text/plain"] },\n  body: '',\n});\n`,
      filename: path.join(fixturesDir, 'descriptors/alb-targets/single.mjs'),
    },
  ],
  invalid: [
    {
      code: `export const handler = async (event) => ({\n  statusCode: 200,\n  headers: { "content-type": "text/plain" },\n  body: '',\n});\n`,
      filename: path.join(fixturesDir, 'descriptors/alb-targets/multi.mjs'),
      errors: [
        {
          messageId: 'albHeadersField',
          data: { ...ALB, setting: 'on', descriptor: 'serverless.yml', expected: 'multiValueHeaders', used: 'headers' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 10,
        },
      ],
    },
    {
      code: `export const handler = async (event) => ({\n  statusCode: 200,\n  multiValueHeaders: { "content-type": ["text/plain"] },\n  body: '',\n});\n`,
      filename: path.join(fixturesDir, 'descriptors/alb-targets/single.mjs'),
      errors: [
        {
          messageId: 'albHeadersField',
          data: { ...ALB, setting: 'off', descriptor: 'serverless.yml', expected: 'headers', used: 'multiValueHeaders' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 20,
        },
      ],
    },
  ],
});

// What leaves the handler on several paths, and what does not leave it as the response.
javascriptTester.run('valid-proxy-response: each value once, and only the values that answer', rule, {
  valid: [
    {
      // `context.fail` answers a function error, not a response.
      code: `exports.handler = function (event, context) {\n  if (!event.pathParameters) {\n    context.fail(new Error('no id'));\n    return;\n  }\n  context.succeed({ statusCode: 200, body: '' });\n};\n`,
      settings: { 'aws-lambda': { runtime: 'nodejs22.x' } },
    },
    {
      // Without `debug`, nothing in it is lost.
      code: `export const handler = async (event) => {\n  const response = { debug: event.rawPath };\n  delete response.debug;\n  return response;\n};\n`,
      settings: { 'aws-lambda': { integration: 'http-v2' } },
    },
  ],
  invalid: [
    {
      // The same object leaves on two paths: one report, one fix.
      code: `export const handler = async (event) => {\n  const response = { statusCode: 200, body: { ok: true } };\n  if (event.httpMethod === 'HEAD') return response;\n  return response;\n};\n`,
      output: `export const handler = async (event) => {\n  const response = { statusCode: 200, body: JSON.stringify({ ok: true }) };\n  if (event.httpMethod === 'HEAD') return response;\n  return response;\n};\n`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 2, column: 45, endLine: 2, endColumn: 57 }],
    },
  ],
});

// Fixes on shorthand properties write the property out: `{ body }` has no value of its own to replace.
javascriptTester.run('valid-proxy-response: fixes on shorthand properties', rule, {
  valid: [],
  invalid: [
    {
      code: `export const handler = async (event) => {\n  const body = { id: event.pathParameters.id };\n  return { statusCode: 200, body };\n};\n`,
      output: `export const handler = async (event) => {\n  const body = { id: event.pathParameters.id };\n  return { statusCode: 200, body: JSON.stringify(body) };\n};\n`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 3, column: 29, endLine: 3, endColumn: 33 }],
    },
    {
      code: `export const handler = async (event) => {\n  const body = null;\n  return { statusCode: 200, headers: {}, body };\n};\n`,
      output: `export const handler = async (event) => {\n  const body = null;\n  return { statusCode: 200, headers: {}, body: '' };\n};\n`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [{ messageId: 'nullField', data: { ...ALB, key: 'body' }, line: 3, column: 42, endLine: 3, endColumn: 46 }],
    },
    {
      code: `export const handler = async (event) => {\n  const body = Buffer.from(event.body);\n  return { statusCode: 200, body };\n};\n`,
      output: null,
      settings: { 'aws-lambda': { integration: 'rest' } },
      errors: [
        {
          messageId: 'bodyNotString',
          data: { ...REST, what: 'a Buffer' },
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'encodeBase64',
              output: `export const handler = async (event) => {\n  const body = Buffer.from(event.body);\n  return { statusCode: 200, body: body.toString('base64'), isBase64Encoded: true };\n};\n`,
            },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => {\n  const accept = 'text/plain';\n  return { statusCode: 200, multiValueHeaders: { accept }, body: '' };\n};\n`,
      output: `export const handler = async (event) => {\n  const accept = 'text/plain';\n  return { statusCode: 200, multiValueHeaders: { accept: [accept] }, body: '' };\n};\n`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [
        {
          messageId: 'multiValueNotArray',
          data: { ...ALB, name: 'accept', what: 'a string' },
          line: 3,
          column: 50,
          endLine: 3,
          endColumn: 56,
        },
      ],
    },
    {
      code: `export const handler = async (event) => {\n  const length = 12;\n  return { statusCode: 200, headers: { length }, body: 'hello world!' };\n};\n`,
      output: `export const handler = async (event) => {\n  const length = 12;\n  return { statusCode: 200, headers: { length: String(length) }, body: 'hello world!' };\n};\n`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [
        {
          messageId: 'headerNotString',
          data: { ...ALB, name: 'length', what: 'a number' },
          line: 3,
          column: 40,
          endLine: 3,
          endColumn: 46,
        },
      ],
    },
    {
      // A quoted key and a comment stay as they are.
      code: `export const handler = async (event) => ({ statusCode: 200, 'body': /* the item */ { id: event.pathParameters.id } });\n`,
      output: `export const handler = async (event) => ({ statusCode: 200, 'body': /* the item */ JSON.stringify({ id: event.pathParameters.id }) });\n`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 1, column: 84, endLine: 1, endColumn: 115 }],
    },
    {
      // A computed key and a spread.
      code: `const base = { statusCode: 200 };\nexport const handler = async (event) => ({ ...base, ['body']: [event.pathParameters.id] });\n`,
      output: `const base = { statusCode: 200 };\nexport const handler = async (event) => ({ ...base, ['body']: JSON.stringify([event.pathParameters.id]) });\n`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an array' }, line: 2, column: 63, endLine: 2, endColumn: 88 }],
    },
  ],
});

// What is and is not evidence of an HTTP handler, when nothing else says what calls it.
javascriptTester.run('valid-proxy-response: a lone statusCode is data', rule, {
  valid: [
    // `{}` leaves every key out: REST answers 200 with an empty body.
    { code: `export const handler = async (event) => ({});`, settings: { 'aws-lambda': { integration: 'rest' } } },
    // Step Functions tasks and directly invoked functions return such objects.
    `export const handler = async (event) => ({ paymentId: event.paymentId, message: 'charged', statusCode: 200 });`,
    `export const handler = async (event) => {\n  const available = await check(event.sku);\n  return { statusCode: 200, success: true, available };\n};`,
  ],
  invalid: [
    {
      // Beside `body`, it is a response: REST answers 502 for the unknown key.
      code: `export const handler = async (event) => ({ statusCode: 200, body: '', success: true });`,
      errors: [{ messageId: 'unknownKey', data: { ...REST, key: 'success', hint: '' }, line: 1, column: 71, endLine: 1, endColumn: 78 }],
    },
  ],
});

// `catch (err) { return err; }`, as the sam init template has it: an Error serializes to `{}`.
javascriptTester.run('valid-proxy-response: an Error answered as the response', rule, {
  valid: [
    `export const handler = async (event) => {\n  try {\n    return { statusCode: 200, body: await read(event.path) };\n  } catch (err) {\n    return { statusCode: 500, body: JSON.stringify({ message: err.message }) };\n  }\n};\n`,
  ],
  invalid: [
    {
      code: `export const handler = async (event) => {\n  try {\n    return { statusCode: 200, body: await read(event.path) };\n  } catch (err) {\n    console.log(err);\n    return err;\n  }\n};\n`,
      errors: [
        {
          messageId: 'errorAsResponse',
          data: { integration: REST.integration, outcome: 'answers 200 with an empty body, so the failure reaches the client as a success' },
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'rethrowError',
              output: `export const handler = async (event) => {\n  try {\n    return { statusCode: 200, body: await read(event.path) };\n  } catch (err) {\n    console.log(err);\n    throw err;\n  }\n};\n`,
            },
            {
              messageId: 'answerServerError',
              output: `export const handler = async (event) => {\n  try {\n    return { statusCode: 200, body: await read(event.path) };\n  } catch (err) {\n    console.log(err);\n    return { statusCode: 500, body: JSON.stringify({ message: err.message }) };\n  }\n};\n`,
            },
          ],
        },
      ],
    },
    {
      code: `exports.handler = (event, context, callback) => {\n  try {\n    callback(null, { statusCode: 200, body: render(event.rawPath) });\n  } catch (error) {\n    callback(null, error);\n  }\n};\n`,
      errors: [
        {
          messageId: 'errorAsResponse',
          data: { integration: HTTP_V2.integration, outcome: 'answers 200 with the text `{}`, so the failure reaches the client as a success' },
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'answerServerError',
              output: `exports.handler = (event, context, callback) => {\n  try {\n    callback(null, { statusCode: 200, body: render(event.rawPath) });\n  } catch (error) {\n    callback(null, { statusCode: 500, body: JSON.stringify({ message: error.message }) });\n  }\n};\n`,
            },
          ],
        },
      ],
    },
    {
      // A body that is an Error is an object: no fix, JSON.stringify would send `{}`.
      code: `export const handler = async (event) => {\n  try {\n    return { statusCode: 200, body: await read(event.path) };\n  } catch (err) {\n    return { statusCode: 500, body: err };\n  }\n};\n`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 5, column: 37, endLine: 5, endColumn: 40 }],
    },
  ],
});

// The load balancer needs `headers` (or `multiValueHeaders`), even empty.
javascriptTester.run('valid-proxy-response: ALB responses without headers', rule, {
  valid: [
    { code: `export const handler = async (event) => ({ statusCode: 200, headers: {}, body: 'ok' });`, settings: { 'aws-lambda': { integration: 'alb' } } },
    { code: `export const handler = async (event) => ({ statusCode: 200, body: 'ok' });`, settings: { 'aws-lambda': { integration: 'rest' } } },
  ],
  invalid: [
    {
      code: `export const handler = async (event) => ({ statusCode: 200, body: 'ok' });`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [
        {
          messageId: 'albNoHeaders',
          data: { ...ALB, field: 'headers' },
          line: 1,
          column: 42,
          endLine: 1,
          endColumn: 73,
          suggestions: [
            { messageId: 'addHeaders', data: { field: 'headers' }, output: `export const handler = async (event) => ({ statusCode: 200, headers: {}, body: 'ok' });` },
          ],
        },
      ],
    },
    {
      // `{}` has neither a status nor headers.
      code: `export const handler = async (event) => ({});`,
      settings: { 'aws-lambda': { integration: 'alb' } },
      errors: [
        {
          messageId: 'missingStatusCode',
          data: ALB,
          line: 1,
          column: 42,
          endLine: 1,
          endColumn: 44,
          suggestions: [{ messageId: 'addStatusCode', output: `export const handler = async (event) => ({ statusCode: 200 });` }],
        },
        {
          messageId: 'albNoHeaders',
          data: { ...ALB, field: 'headers' },
          line: 1,
          column: 42,
          endLine: 1,
          endColumn: 44,
          suggestions: [{ messageId: 'addHeaders', data: { field: 'headers' }, output: `export const handler = async (event) => ({ headers: {} });` }],
        },
      ],
    },
  ],
});

// The event is an object, and so are its headers, parameters and request context.
javascriptTester.run('valid-proxy-response: the event as the body', rule, {
  valid: [`export const handler = async (event) => ({ statusCode: 200, body: event.body });`],
  invalid: [
    {
      code: `export const handler = async (event) => ({ statusCode: 200, body: event });`,
      output: `export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 1, column: 67, endLine: 1, endColumn: 72 }],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, body: event.headers });`,
      output: `export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.headers) });`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 1, column: 67, endLine: 1, endColumn: 80 }],
    },
  ],
});

// Local helpers called with arguments: the response is what the helper builds from them.
javascriptTester.run('valid-proxy-response: helpers that build the response from their arguments', rule, {
  valid: [
    `const respond = (statusCode, body) => ({ statusCode, body: JSON.stringify(body) });\nexport const handler = async (event) => respond(200, { id: event.pathParameters.id });\n`,
    `const respond = (statusCode, body) => ({ statusCode, body });\nexport const handler = async (event) => respond(200, 'ok');\n`,
  ],
  invalid: [
    {
      code: `const respond = (statusCode, body) => ({ statusCode, body });\nexport const handler = async (event) => respond(200, { id: event.pathParameters.id });\n`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 1, column: 54, endLine: 1, endColumn: 58 }],
    },
    {
      code: `const responder = {\n  ok(body) {\n    return { statusCode: 200, headers: {}, body };\n  },\n};\nexport const handler = async (event) => responder.ok([event.pathParameters.id]);\n`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an array' }, line: 3, column: 44, endLine: 3, endColumn: 48 }],
    },
  ],
});

// Lookups the file can read: a constant table of objects, and node:http's reason phrases.
javascriptTester.run('valid-proxy-response: values looked up in tables', rule, {
  valid: [
    `const MESSAGES = { a: 'first', b: 'second' };\nexport const handler = async (event) => ({ statusCode: 200, body: MESSAGES[event.pathParameters.id] });\n`,
    `import { STATUS_CODES } from 'node:http';\nexport const handler = async (event) => ({ statusCode: 201, body: STATUS_CODES[201] });\n`,
  ],
  invalid: [
    {
      code: `const ITEMS = { a: { name: 'A' }, b: { name: 'B' } };\nexport const handler = async (event) => ({ statusCode: 200, body: ITEMS[event.pathParameters.id] });\n`,
      output: `const ITEMS = { a: { name: 'A' }, b: { name: 'B' } };\nexport const handler = async (event) => ({ statusCode: 200, body: JSON.stringify(ITEMS[event.pathParameters.id]) });\n`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 2, column: 67, endLine: 2, endColumn: 97 }],
    },
    {
      code: `import { STATUS_CODES } from 'node:http';\nexport const handler = async (event) => ({ statusCode: STATUS_CODES[201], body: event.body });\n`,
      errors: [
        {
          messageId: 'statusCodeNotNumeric',
          data: { ...REST, what: 'a reason phrase (`STATUS_CODES` maps a code to its text)' },
          line: 2,
          column: 56,
          endLine: 2,
          endColumn: 73,
        },
      ],
    },
  ],
});
