import rule from '../../src/rules/valid-proxy-response.js';
import { javascriptTester, typedTester, typescriptTester } from '../rule-tester.js';

const REST = { integration: 'API Gateway (REST)', answer: 'answers 502 "Malformed Lambda proxy response"' };
const HTTP_V1 = { integration: 'API Gateway (HTTP API, payload 1.0)', answer: 'answers 500' };
const HTTP_V2 = { integration: 'API Gateway (HTTP API, payload 2.0)', answer: 'answers 500' };
const URL = { integration: 'The Function URL', answer: 'answers with an error' };
const ALB = { integration: 'The load balancer (ALB)', answer: 'answers 502 (LambdaInvalidResponse)' };
const on = (integration: string) => ({ 'aws-lambda': { integration } });
const handler = (response: string) => `export const handler = async (event) => (${response});`;

javascriptTester.run('valid-proxy-response: response type', rule, {
  valid: [
    handler(`{ statusCode: 200, body: 'ok' }`),
    // HTTP API 2.0 and Function URLs turn a string, a number or an array into the body.
    { code: handler(`'Hello from Lambda!'`), settings: on('http-v2') },
    { code: handler(`[1, 2]`), settings: on('url') },
    // A handler without HTTP evidence is not judged: it may be invoked directly.
    `export const handler = async (event) => 'done';`,
    `export const handler = async (event) => { await work(event); };`,
    // A callback-style handler's bare return is an early exit, not its response.
    { code: `exports.handler = (event, context, callback) => { if (!event.id) { callback(null, { statusCode: 400, body: '' }); return; } callback(null, { statusCode: 200, body: '' }); };`, settings: on('rest') },
    // Errors are the callback rules' business.
    { code: `exports.handler = (event, context, callback) => { callback(new Error('x')); };`, settings: on('rest') },
    // Streaming handlers write to their stream.
    { code: `export const handler = awslambda.streamifyResponse(async (event, stream) => { stream.end(); });`, settings: on('url') },
    // Unknown values are never reported.
    { code: handler(`build(event)`), settings: on('rest') },
    // Every path returns or throws.
    `export const handler = async (event) => {\n  if (event.httpMethod === 'GET') return { statusCode: 200, body: '' };\n  throw new Error('unsupported');\n};`,
    `export const handler = async (event) => {\n  try {\n    return { statusCode: 200, body: await load(event.path) };\n  } catch {\n    return { statusCode: 500, body: '' };\n  }\n};`,
    `export const handler = async (event) => {\n  switch (event.httpMethod) {\n    case 'GET': return { statusCode: 200, body: '' };\n    default: return { statusCode: 405, body: '' };\n  }\n};`,
    `export const handler = async (event) => {\n  while (true) {\n    if (await ready(event.path)) return { statusCode: 200, body: '' };\n  }\n};`,
    // A callback-style async handler is the callback rules' business.
    { code: `export const handler = async (event, context, callback) => { if (event.a) callback(null, { statusCode: 200 }); };`, settings: on('rest') },
  ],
  invalid: [
    {
      code: `export const handler = async (event) => JSON.stringify({ statusCode: 200, body: event.httpMethod });`,
      output: `export const handler = async (event) => ({ statusCode: 200, body: event.httpMethod });`,
      errors: [{ messageId: 'stringifiedResponse', data: { integration: REST.integration, consequence: REST.answer }, line: 1, column: 41 }],
    },
    {
      code: `exports.handler = function (event, context, callback) {\n  const response = { statusCode: 200, body: JSON.stringify({ path: event.path }) };\n  callback(null, JSON.stringify(response));\n};`,
      output: `exports.handler = function (event, context, callback) {\n  const response = { statusCode: 200, body: JSON.stringify({ path: event.path }) };\n  callback(null, response);\n};`,
      errors: [{ messageId: 'stringifiedResponse', data: { integration: REST.integration, consequence: REST.answer }, line: 3 }],
    },
    {
      code: `const response = { statusCode: 200, body: '' };\nexport const handler = async (event) => JSON.stringify(response);`,
      output: `const response = { statusCode: 200, body: '' };\nexport const handler = async (event) => response;`,
      settings: on('http-v2'),
      errors: [
        {
          messageId: 'stringifiedResponse',
          data: {
            integration: HTTP_V2.integration,
            consequence: 'sends this JSON text as the body with status 200, so its `statusCode` and `headers` are lost',
          },
        },
      ],
    },
    {
      // With a replacer or an indent, unwrapping would not be the same call: no fix.
      code: `export const handler = async (event) => JSON.stringify({ statusCode: 200, body: '' }, null, 2);`,
      output: null,
      settings: on('rest'),
      errors: [{ messageId: 'stringifiedResponse' }],
    },
    {
      code: handler(`'Hello from Lambda!'`),
      settings: on('rest'),
      errors: [{ messageId: 'notAnObject', data: { ...REST, what: 'a string' } }],
    },
    {
      code: handler(`[1, 2]`),
      settings: on('alb'),
      errors: [{ messageId: 'notAnObject', data: { ...ALB, what: 'an array' } }],
    },
    {
      code: handler(`42`),
      settings: on('http-v1'),
      errors: [{ messageId: 'notAnObject', data: { ...HTTP_V1, what: 'a number' } }],
    },
    {
      code: `export const handler = async (event) => { if (!event.httpMethod) return; return null; };`,
      errors: [
        { messageId: 'notAnObject', data: { ...REST, what: '`undefined`' }, column: 66 },
        { messageId: 'notAnObject', data: { ...REST, what: '`null`' }, column: 81 },
      ],
    },
    {
      code: `export const handler = async (event) => { if (event.rawPath === '/') return null; return { statusCode: 204 }; };`,
      errors: [{ messageId: 'notAnObjectV2', data: { integration: HTTP_V2.integration, what: '`null`' } }],
    },
    {
      code: `exports.handler = (event, context, callback) => { callback(null); };`,
      settings: on('rest'),
      errors: [{ messageId: 'notAnObject', data: { ...REST, what: '`undefined`' } }],
    },
    {
      // A branch that runs off the end answers undefined, so null.
      code: `export const handler = async (event) => {\n  if (event.httpMethod === 'GET') {\n    return { statusCode: 200, body: '' };\n  }\n};`,
      errors: [{ messageId: 'noResponseOnSomePath', data: REST, line: 1, column: 24, endColumn: 40 }],
    },
    {
      code: `export const handler = async (event) => {\n  switch (event.requestContext.http.method) {\n    case 'GET':\n      return { statusCode: 200, body: 'x' };\n  }\n};`,
      errors: [{ messageId: 'noResponseV2', data: { integration: HTTP_V2.integration } }],
    },
    {
      code: `export const handler = async (event) => { console.log(event.httpMethod); };`,
      errors: [{ messageId: 'noResponse', data: REST, line: 1, column: 24, endColumn: 40 }],
    },
  ],
});

javascriptTester.run('valid-proxy-response: response keys', rule, {
  valid: [
    // HTTP API 2.0 and Function URLs send any JSON as the body.
    { code: handler(`{ Hello: 'World' }`), settings: on('http-v2') },
    { code: handler(`{ Hello: 'World' }`), settings: on('url') },
    // HTTP API 1.0 ignores unknown keys; ALB accepts statusDescription.
    { code: handler(`{ statusCode: 200, body: '', cookies: ['a=b'] }`), settings: on('http-v1') },
    { code: handler(`{ statusCode: 200, statusDescription: '200 OK', headers: {}, body: '' }`), settings: on('alb') },
    // A spread that may hold the response keys.
    { code: handler(`{ ...defaults, Hello: 'World' }`), settings: on('rest') },
  ],
  invalid: [
    {
      code: `exports.handler = function (event, context, callback) {\n  callback(null, { Hello: 'World' });\n};`,
      settings: on('rest'),
      errors: [
        {
          messageId: 'noProxyKeys',
          data: REST,
          line: 2,
          column: 18,
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
      code: handler(`{ Hello: 'World' }`),
      settings: on('alb'),
      errors: [
        {
          messageId: 'noProxyKeys',
          data: ALB,
          suggestions: [{ messageId: 'wrapInResponse', output: handler(`{ statusCode: 200, body: JSON.stringify({ Hello: 'World' }) }`) }],
        },
      ],
    },
    {
      code: handler(`{ statusCode: 200, body: '', cookies: ['a=b'], Hello: 1 }`),
      settings: on('rest'),
      errors: [
        {
          messageId: 'unknownKey',
          data: { ...REST, key: 'cookies', hint: "; REST responses set cookies with `multiValueHeaders: { 'Set-Cookie': [...] }`" },
          column: 71,
        },
        { messageId: 'unknownKey', data: { ...REST, key: 'Hello', hint: '' }, column: 89 },
      ],
    },
    {
      code: handler(`{ statusCode: 200, statusDescription: '200 OK', body: '' }`),
      settings: on('rest'),
      errors: [
        { messageId: 'unknownKey', data: { ...REST, key: 'statusDescription', hint: '; `statusDescription` is for the load balancer (ALB) only' } },
      ],
    },
    {
      code: handler(`{ StatusCode: 200, Body: 'ok', 'isBase64encoded': false, multivalueHeaders: {}, header: {} }`),
      output: handler(`{ statusCode: 200, body: 'ok', 'isBase64Encoded': false, multiValueHeaders: {}, headers: {} }`),
      settings: on('rest'),
      errors: [
        { messageId: 'misspelledKey', data: { ...REST, key: 'StatusCode', fixed: 'statusCode' } },
        { messageId: 'misspelledKey', data: { ...REST, key: 'Body', fixed: 'body' } },
        { messageId: 'misspelledKey', data: { ...REST, key: 'isBase64encoded', fixed: 'isBase64Encoded' } },
        { messageId: 'misspelledKey', data: { ...REST, key: 'multivalueHeaders', fixed: 'multiValueHeaders' } },
        { messageId: 'misspelledKey', data: { ...REST, key: 'header', fixed: 'headers' } },
      ],
    },
    {
      // A shorthand key keeps its value; a key added later is renamed where it is assigned.
      code: `export const handler = async (event) => {\n  const statuscode = 200;\n  const r = { statuscode };\n  r.Body = event.httpMethod;\n  return r;\n};`,
      output: `export const handler = async (event) => {\n  const statuscode = 200;\n  const r = { statusCode: statuscode };\n  r.body = event.httpMethod;\n  return r;\n};`,
      errors: [
        { messageId: 'misspelledKey', data: { ...REST, key: 'statuscode', fixed: 'statusCode' }, line: 3 },
        { messageId: 'misspelledKey', data: { ...REST, key: 'Body', fixed: 'body' }, line: 4 },
      ],
    },
    {
      // Renaming would collide with the key that is there: no fix.
      code: handler(`{ statusCode: 200, StatusCode: 201, body: '' }`),
      settings: on('rest'),
      errors: [{ messageId: 'unknownKey', data: { ...REST, key: 'StatusCode', hint: '' } }],
    },
  ],
});

javascriptTester.run('valid-proxy-response: statusCode', rule, {
  valid: [
    handler(`{ statusCode: 200, body: '' }`),
    // REST answers 200 without statusCode, and accepts numeric strings.
    { code: handler(`{ body: 'ok' }`), settings: on('rest') },
    { code: handler(`{ statusCode: '201', body: '' }`), settings: on('rest') },
    { code: handler(`{ statusCode: '418' }`), settings: on('url') },
    // 2.0 infers a response from an object without statusCode and without response keys.
    { code: handler(`{ items: [] }`), settings: on('http-v2') },
    // A spread may bring the statusCode.
    { code: handler(`{ ...base, body: '' }`), settings: on('http-v2') },
    { code: handler(`{ statusCode: code, body: '' }`), settings: on('alb') },
  ],
  invalid: [
    {
      code: handler(`{ statusCode: 'OK', body: '' }`),
      settings: on('rest'),
      errors: [{ messageId: 'statusCodeNotNumeric', data: { ...REST, what: "the string 'OK'" }, column: 56 }],
    },
    {
      code: handler(`{ statusCode: true }`),
      settings: on('url'),
      errors: [{ messageId: 'statusCodeNotNumeric', data: { ...URL, what: 'a boolean' } }],
    },
    {
      code: handler(`{ statusCode: '200', headers: {}, body: '' }`),
      output: handler(`{ statusCode: 200, headers: {}, body: '' }`),
      settings: on('alb'),
      errors: [{ messageId: 'statusCodeString', data: { integration: ALB.integration, value: "'200'", consequence: ALB.answer } }],
    },
    {
      code: handler(`{ statusCode: '201', body: '' }`),
      output: handler(`{ statusCode: 201, body: '' }`),
      options: [{ allowNumericStatusCodeStrings: false }],
      settings: on('rest'),
      errors: [{ messageId: 'statusCodeString', data: { integration: REST.integration, value: "'201'", consequence: 'accepts it' } }],
    },
    {
      code: handler(`{ body: 'ok' }`),
      settings: on('http-v1'),
      errors: [
        {
          messageId: 'missingStatusCode',
          data: HTTP_V1,
          suggestions: [{ messageId: 'addStatusCode', output: handler(`{ statusCode: 200, body: 'ok' }`) }],
        },
      ],
    },
    {
      code: handler(`{\n  headers: {},\n  body: 'ok',\n}`),
      settings: on('alb'),
      errors: [
        {
          messageId: 'missingStatusCode',
          data: ALB,
          suggestions: [{ messageId: 'addStatusCode', output: handler(`{\n  statusCode: 200,\n  headers: {},\n  body: 'ok',\n}`) }],
        },
      ],
    },
    {
      code: `export const handler = async (event) => {\n  return {\n    headers: { 'Content-Type': 'text/html' },\n    body: event.rawPath,\n  };\n};`,
      output: `export const handler = async (event) => {\n  return {\n    statusCode: 200,\n    headers: { 'Content-Type': 'text/html' },\n    body: event.rawPath,\n  };\n};`,
      errors: [{ messageId: 'missingStatusCodeV2', data: { integration: HTTP_V2.integration }, line: 2 }],
    },
    {
      code: handler(`{ cookies: ['a=b'] }`),
      output: handler(`{ statusCode: 200, cookies: ['a=b'] }`),
      settings: on('url'),
      errors: [{ messageId: 'missingStatusCodeV2', data: { integration: URL.integration } }],
    },
    {
      code: handler(`{ body: 'ok' }`),
      output: handler(`{ statusCode: 200, body: 'ok' }`),
      options: [{ requireStatusCode: true }],
      settings: on('rest'),
      errors: [{ messageId: 'missingStatusCodeRest', data: { integration: REST.integration } }],
    },
  ],
});

javascriptTester.run('valid-proxy-response: body', rule, {
  valid: [
    handler(`{ statusCode: 200, body: JSON.stringify({ a: 1 }) }`),
    handler(`{ statusCode: 200, body: \`\${1}\` }`),
    // A null body is tolerated by API Gateway.
    { code: handler(`{ statusCode: 204, body: null }`), settings: on('rest') },
    // A number or boolean body is not known to fail.
    { code: handler(`{ statusCode: 200, body: 1 }`), settings: on('rest') },
    { code: handler(`{ statusCode: 200, body: data }`), settings: on('rest') },
  ],
  invalid: [
    {
      code: handler(`{ statusCode: 200, body: { a: 1 } }`),
      output: handler(`{ statusCode: 200, body: JSON.stringify({ a: 1 }) }`),
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, column: 67 }],
    },
    {
      code: handler(`{ statusCode: 200, body: [1] }`),
      output: handler(`{ statusCode: 200, body: JSON.stringify([1]) }`),
      settings: on('http-v2'),
      errors: [{ messageId: 'bodyNotString', data: { ...HTTP_V2, what: 'an array' } }],
    },
    {
      // The object is bound elsewhere: the property's value is wrapped, not the shared literal.
      code: `export const handler = async (event) => {\n  const item = { id: event.pathParameters.id };\n  return { statusCode: 200, body: item };\n};`,
      output: `export const handler = async (event) => {\n  const item = { id: event.pathParameters.id };\n  return { statusCode: 200, body: JSON.stringify(item) };\n};`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 3, column: 35 }],
    },
    {
      code: handler(`{ statusCode: 200, body: event.ok ? { a: 1 } : 'none' }`),
      output: handler(`{ statusCode: 200, body: event.ok ? JSON.stringify({ a: 1 }) : 'none' }`),
      settings: on('rest'),
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' } }],
    },
    {
      code: handler(`{ statusCode: 200, body: Buffer.from('png'), headers: {} }`),
      settings: on('rest'),
      errors: [
        {
          messageId: 'bodyNotString',
          data: { ...REST, what: 'a Buffer' },
          suggestions: [
            {
              messageId: 'encodeBase64',
              output: handler(`{ statusCode: 200, body: Buffer.from('png').toString('base64'), isBase64Encoded: true, headers: {} }`),
            },
          ],
        },
      ],
    },
    {
      code: `export const handler = async (event) => ({\n  statusCode: 200,\n  isBase64Encoded: false,\n  body: image,\n});\nconst image = new Uint8Array(4);`,
      settings: on('alb'),
      errors: [
        {
          messageId: 'bodyNotString',
          data: { ...ALB, what: 'a Buffer' },
          suggestions: [
            {
              messageId: 'encodeBase64',
              output: `export const handler = async (event) => ({\n  statusCode: 200,\n  isBase64Encoded: true,\n  body: image.toString('base64'),\n});\nconst image = new Uint8Array(4);`,
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
          data: { ...REST, what: 'a promise' },
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
          column: 35,
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
      code: handler(`{ statusCode: 200, headers: {}, body: null }`),
      output: handler(`{ statusCode: 200, headers: {}, body: '' }`),
      settings: on('alb'),
      errors: [{ messageId: 'nullField', data: { ...ALB, key: 'body' } }],
    },
  ],
});

javascriptTester.run('valid-proxy-response: headers, multiValueHeaders, isBase64Encoded, cookies', rule, {
  valid: [
    // REST sends a boolean header as "true".
    { code: handler(`{ statusCode: 200, headers: { 'Access-Control-Allow-Credentials': true }, body: '' }`), settings: on('rest') },
    { code: handler(`{ statusCode: 200, headers: null, body: '' }`), settings: on('rest') },
    { code: handler(`{ statusCode: 200, multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] }, body: '' }`), settings: on('rest') },
    { code: handler(`{ statusCode: 200, cookies: ['a=1', token], body: '' }`), settings: on('http-v2') },
    { code: handler(`{ statusCode: 200, headers: { 'Content-Length': String(n) }, body: '' }`), settings: on('alb') },
    handler(`{ statusCode: 200, isBase64Encoded: true, body: 'aGk=' }`),
  ],
  invalid: [
    {
      code: `export const handler = async (event) => ({\n  statusCode: 302,\n  headers: {\n    Location: '/home',\n    'Set-Cookie': ['session=abc', 'theme=dark'],\n  },\n  body: '',\n});`,
      settings: on('rest'),
      errors: [
        {
          messageId: 'headerArray',
          data: { ...REST, name: 'Set-Cookie', what: 'an array', hint: '; several values go in `multiValueHeaders`' },
          line: 5,
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
      code: handler(`{ statusCode: 200, headers: { 'set-cookie': ['a=1'] }, multiValueHeaders: { Vary: ['Origin'] }, body: '' }`),
      settings: on('alb'),
      errors: [
        {
          messageId: 'headerArray',
          data: { ...ALB, name: 'set-cookie', what: 'an array', hint: '; several values go in `multiValueHeaders`' },
          suggestions: [
            {
              messageId: 'moveToMultiValueHeaders',
              data: { name: 'set-cookie' },
              output: handler(`{ statusCode: 200, headers: {  }, multiValueHeaders: { 'set-cookie': ['a=1'], Vary: ['Origin'] }, body: '' }`),
            },
          ],
        },
      ],
    },
    {
      code: handler(`{ statusCode: 200, headers: { 'Set-Cookie': ['a=1', 'b=2'] }, body: '' }`),
      settings: on('http-v2'),
      errors: [
        {
          messageId: 'headerArray',
          data: { ...HTTP_V2, name: 'Set-Cookie', what: 'an array', hint: '; cookies go in `cookies`' },
          suggestions: [
            { messageId: 'moveToCookies', output: handler(`{ statusCode: 200, headers: {  }, cookies: ['a=1', 'b=2'], body: '' }`) },
          ],
        },
      ],
    },
    {
      code: handler(`{ statusCode: 200, headers: { Vary: ['Origin', 'Accept'] }, body: '' }`),
      settings: on('url'),
      errors: [{ messageId: 'headerArray', data: { ...URL, name: 'Vary', what: 'an array', hint: '; join several values with commas' } }],
    },
    {
      code: handler(`{ statusCode: 200, headers: { 'X-Data': { a: 1 }, 'X-None': null }, body: '' }`),
      settings: on('rest'),
      errors: [
        { messageId: 'headerNotString', data: { ...REST, name: 'X-Data', what: 'an object' } },
        { messageId: 'headerNotString', data: { ...REST, name: 'X-None', what: '`null`' } },
      ],
    },
    {
      // Without type information, \`body.length\` is unknown and left alone.
      code: handler(`{ statusCode: 200, headers: { 'Content-Length': 12, 'Access-Control-Allow-Credentials': true, 'X-Len': body.length }, body }`),
      output: handler(`{ statusCode: 200, headers: { 'Content-Length': '12', 'Access-Control-Allow-Credentials': 'true', 'X-Len': body.length }, body }`),
      settings: on('alb'),
      errors: [
        { messageId: 'headerNotString', data: { ...ALB, name: 'Content-Length', what: 'a number' } },
        { messageId: 'headerNotString', data: { ...ALB, name: 'Access-Control-Allow-Credentials', what: 'a boolean' } },
      ],
    },
    {
      code: handler(`{ statusCode: 200, headers: [], body: '' }`),
      settings: on('rest'),
      errors: [{ messageId: 'headersNotObject', data: { ...REST, what: 'an array' } }],
    },
    {
      code: handler(`{ statusCode: 200, headers: null, body: '' }`),
      output: handler(`{ statusCode: 200, headers: {}, body: '' }`),
      settings: on('alb'),
      errors: [{ messageId: 'nullField', data: { ...ALB, key: 'headers' } }],
    },
    {
      code: handler(`{ statusCode: 200, multiValueHeaders: { 'x-one': 'v', 'x-obj': { a: 1 } }, body: '' }`),
      output: handler(`{ statusCode: 200, multiValueHeaders: { 'x-one': ['v'], 'x-obj': { a: 1 } }, body: '' }`),
      settings: on('rest'),
      errors: [
        { messageId: 'multiValueNotArray', data: { ...REST, name: 'x-one', what: 'a string' } },
        { messageId: 'multiValueNotArray', data: { ...REST, name: 'x-obj', what: 'an object' } },
      ],
    },
    {
      code: handler(`{ statusCode: 200, multiValueHeaders: { Vary: ['a'] }, body: '' }`),
      settings: on('http-v2'),
      errors: [{ messageId: 'multiValueIgnored', data: { integration: HTTP_V2.integration } }],
    },
    {
      code: handler(`{ statusCode: 200, isBase64Encoded: 'true', body: 'aGk=' }`),
      output: handler(`{ statusCode: 200, isBase64Encoded: true, body: 'aGk=' }`),
      settings: on('rest'),
      errors: [{ messageId: 'base64NotBoolean', data: { what: "the string 'true'" } }],
    },
    {
      code: handler(`{ statusCode: 200, isBase64Encoded: 1, body: '' }`),
      settings: on('url'),
      errors: [{ messageId: 'base64NotBoolean', data: { what: 'a number' } }],
    },
    {
      code: handler(`{ statusCode: 200, cookies: 'a=1', body: '' }`),
      settings: on('http-v2'),
      errors: [{ messageId: 'cookiesNotStrings', data: { integration: HTTP_V2.integration, what: 'a string' } }],
    },
    {
      code: handler(`{ statusCode: 200, cookies: ['a=1', { b: 2 }], body: '' }`),
      settings: on('url'),
      errors: [{ messageId: 'cookiesNotStrings', data: { integration: URL.integration, what: 'an array with other values' } }],
    },
  ],
});

javascriptTester.run('valid-proxy-response: options and values followed through the file', rule, {
  valid: [
    { code: handler(`{ statusCode: 200, body: { a: 1 } }`), options: [{ checks: { body: false } }] },
    { code: handler(`{ Hello: 'World' }`), settings: on('rest'), options: [{ checks: { 'response-keys': false } }] },
    { code: handler(`{ statusCode: 200, body: '', extra: 1 }`), settings: on('rest'), options: [{ checks: { 'unknown-keys': false } }] },
  ],
  invalid: [
    {
      // The responder pattern: helpers defined in the file, with the body passed in.
      code: `const cors = { 'Access-Control-Allow-Origin': '*' };\nconst responder = {\n  success: (data) => ({ statusCode: 200, headers: cors, body: JSON.stringify(data) }),\n  raw: (data) => ({ statusCode: 200, headers: cors, body: data, Headers: {} }),\n};\nmodule.exports.handler = async (event) => (event.raw ? responder.raw('x') : responder.success({ id: event.pathParameters.id }));`,
      output: null,
      settings: on('rest'),
      errors: [{ messageId: 'unknownKey', data: { ...REST, key: 'Headers', hint: '' }, line: 4 }],
    },
  ],
});

typescriptTester.run('valid-proxy-response: TypeScript', rule, {
  valid: [
    `import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandlerV2 = async () => ({ message: 'inferred' });`,
    `import type { SQSHandler } from 'aws-lambda';\nexport const handler: SQSHandler = async () => ({ batchItemFailures: [] }) as never;`,
  ],
  invalid: [
    {
      code: `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: { id: event.path } as const });`,
      output: `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: JSON.stringify({ id: event.path } as const) });`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' } }],
    },
    {
      code: `import type { ALBHandler } from 'aws-lambda';\nexport const handler: ALBHandler = async () => ({ statusCode: 200, headers: { 'content-length': 0 } });`,
      output: `import type { ALBHandler } from 'aws-lambda';\nexport const handler: ALBHandler = async () => ({ statusCode: 200, headers: { 'content-length': '0' } });`,
      errors: [{ messageId: 'headerNotString', data: { ...ALB, name: 'content-length', what: 'a number' } }],
    },
    {
      code: `import type { LambdaFunctionURLHandler } from 'aws-lambda';\nexport const handler: LambdaFunctionURLHandler = async () => ({ body: '<p>hi</p>', headers: { 'content-type': 'text/html' } });`,
      output: `import type { LambdaFunctionURLHandler } from 'aws-lambda';\nexport const handler: LambdaFunctionURLHandler = async () => ({ statusCode: 200, body: '<p>hi</p>', headers: { 'content-type': 'text/html' } });`,
      errors: [{ messageId: 'missingStatusCodeV2', data: { integration: URL.integration } }],
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
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 3, column: 63 }],
    },
    {
      // A body typed as a plain object gets JSON.stringify.
      code: `import { fetchItem } from './helpers.js';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const item = await fetchItem(event.path);\n  return { statusCode: 200, body: item };\n};`,
      output: `import { fetchItem } from './helpers.js';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => {\n  const item = await fetchItem(event.path);\n  return { statusCode: 200, body: JSON.stringify(item) };\n};`,
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' }, line: 5 }],
    },
    {
      // An object that is not a response, known from its type.
      code: `import { fetchItem } from './helpers.js';\nimport type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => fetchItem(event.path);`,
      errors: [
        {
          messageId: 'noProxyKeys',
          data: REST,
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
      errors: [{ messageId: 'headerNotString', data: { ...ALB, name: 'X-Len', what: 'a number' } }],
    },
    {
      code: `exports.handler = async (event) => ({ statusCode: 200, body: { method: event.httpMethod } });`,
      output: `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ method: event.httpMethod }) });`,
      filename: 'javascript.js',
      errors: [{ messageId: 'bodyNotString', data: { ...REST, what: 'an object' } }],
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
          data: { ...REST, what: 'parsed JSON' },
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
