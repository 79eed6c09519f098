import { PluginRuleTester } from '../rule-tester.js';
import { dumpRule } from './dump-rule.js';

const javascriptTester = new PluginRuleTester('javascript');
const typedTester = new PluginRuleTester('typed');
const typescriptTester = new PluginRuleTester('typescript');

const said = (text: string) => ({ messageId: 'said' as const, data: { text } });
const REST = 'handler: http rest(default) classic+modern none';
const UNKNOWN = 'handler: unknown rest(default) classic+modern none';

// Every value that can leave a handler, followed through what the file shows.
javascriptTester.run('responses: exits and values (JavaScript)', dumpRule, {
  valid: [],
  invalid: [
    {
      code: `export const handler = async (event) => { if (event.x) return; return null; };`,
      errors: [said(UNKNOWN), said('return: undefined'), said('return: null')],
    },
    {
      code: `exports.handler = (event, context, callback) => { callback(null, { statusCode: 200, body: 'ok' }); };`,
      errors: [said(REST), said('callback: object{body:string,statusCode:number}')],
    },
    {
      // The callback also counts inside nested callbacks; `return callback(...)` is one exit, not two.
      code: `exports.handler = (event, context, callback) => {\n  db.get(params, (error, result) => {\n    if (error) return callback(error);\n    callback(null, { statusCode: 200, body: JSON.stringify(result.Item) });\n  });\n};`,
      errors: [said(REST), said('callback: undefined'), said('callback: object{body:string,statusCode:number}')],
    },
    {
      code: `exports.handler = function (event, context) { context.succeed({ statusCode: 200, body: '' }); };`,
      errors: [said(REST), said('context.succeed: object{body:string,statusCode:number}')],
    },
    {
      code: `exports.handler = function (event, context) { if (event.bad) context.fail(new Error('bad')); else context.done(null, { body: '' }); };`,
      errors: [said(UNKNOWN), said('context.fail: undefined'), said('context.done: object{body:string}')],
    },
    {
      // A const, a let assigned once, and keys added to a fresh object.
      code: `export const handler = async () => {\n  const headers = { 'content-type': 'text/plain' };\n  let response;\n  response = { statusCode: 200, headers };\n  response.body = 'ok';\n  return response;\n};`,
      errors: [said(REST), said('return: object{body:string,headers:object,statusCode:number}')],
    },
    {
      // A let assigned twice is not followed.
      code: `export const handler = async (event) => { let response = { statusCode: 200 }; if (event.x) response = { statusCode: 400 }; return response; };`,
      errors: [said(UNKNOWN), said('return: unknown')],
    },
    {
      code: `export const handler = async (event) => { const r = { statusCode: 200 }; Object.assign(r, extra); return r; };`,
      errors: [said(UNKNOWN), said('return: object{statusCode:number,...}')],
    },
    {
      code: `export const handler = async (event) => { const r = { statusCode: 200 }; r[key] = 1; return r; };`,
      errors: [said(UNKNOWN), said('return: object{statusCode:number,...}')],
    },
    {
      // Spreads: a known object adds its keys; an unknown one makes the shape incomplete.
      code: `const base = { statusCode: 200, headers: { a: 'b' } };\nexport const handler = async (event) => ({ ...base, body: '' });`,
      errors: [said(REST), said('return: object{body:string,headers:object,statusCode:number}')],
    },
    {
      code: `export const handler = async (event) => ({ ...event.defaults, body: '' });`,
      errors: [said(UNKNOWN), said('return: object{body:string,...}')],
    },
    {
      code: `export const handler = async (event) => (event.ok ? { statusCode: 200, body: '' } : JSON.stringify({ statusCode: 500 }));`,
      errors: [said(REST), said('return: object{body:string,statusCode:number} | json(object{statusCode:number})')],
    },
    {
      code: `export const handler = async (event) => cached || { statusCode: 200 };`,
      errors: [said(UNKNOWN), said('return: unknown | object{statusCode:number}')],
    },
    {
      code: `export const handler = async (event) => await Promise.resolve({ statusCode: 200 });`,
      errors: [said(UNKNOWN), said('return: object{statusCode:number}')],
    },
    {
      // A returned promise is awaited by the runtime: its value is the response.
      code: `export const handler = async (event) => Promise.resolve({ body: Buffer.from('x') });`,
      errors: [said(UNKNOWN), said('return: object{body:buffer}')],
    },
    {
      code: `function respond(statusCode, data) { return { statusCode, body: JSON.stringify(data) }; }\nexport const handler = async (event) => respond(200, { ok: true });`,
      errors: [said(REST), said('return: object{body:string,statusCode:number}')],
    },
    {
      code: `const build = async (data) => ({ statusCode: 200, body: data });\nexport const handler = async (event) => { const item = await fetch(url); return build(await item.json()); };`,
      errors: [said(REST), said('return: object{body:object,statusCode:number}')],
    },
    {
      // The responder pattern: methods of an object defined in the file.
      code: `const responder = {\n  success: (data) => ({ statusCode: 200, headers: cors, body: JSON.stringify(data) }),\n  error(message) { return { statusCode: 500, body: message }; },\n};\nexport const handler = async (event) => (event.ok ? responder.success({}) : responder.error('x'));`,
      errors: [
        said(REST),
        said('return: object{body:string,headers:unknown,statusCode:number} | object{body:string,statusCode:number}'),
      ],
    },
    {
      code: `export const handler = async () => ({ statusCode: '200', body: \`n=\${1}\`, isBase64Encoded: 'true', multiValueHeaders: { a: 'b' }, cookies: [] });`,
      errors: [said(REST), said('return: object{body:string,cookies:array,isBase64Encoded:string,multiValueHeaders:object,statusCode:string}')],
    },
    {
      code: `export const handler = async (res) => ({ statusCode: 200 + 1, body: res.json(), headers: null, isBase64Encoded: !0 });`,
      errors: [said(REST), said('return: object{body:promise,headers:null,isBase64Encoded:boolean,statusCode:number}')],
    },
    {
      code: `export const handler = async () => ({ statusCode: 200, body: new Uint8Array(2), headers: { n: String(2), d: new Date().toISOString() } });`,
      errors: [said(REST), said('return: object{body:buffer,headers:object,statusCode:number}')],
    },
    {
      // A recursive helper does not loop.
      code: `function again(n) { return n ? again(n - 1) : { statusCode: 200 }; }\nexport const handler = async () => again(3);`,
      errors: [said(UNKNOWN), said('return: unknown | object{statusCode:number}')],
    },
  ],
});

typescriptTester.run('responses: TypeScript syntax', dumpRule, {
  valid: [],
  invalid: [
    {
      code: `export const handler = async (event: unknown) => ({ statusCode: 200, body: '' } as const);`,
      errors: [said(REST), said('return: object{body:string,statusCode:number}')],
    },
    {
      code: `export const handler = async (event: unknown) => { const r = <{ statusCode: number }>{ statusCode: 200 }; return r!; };`,
      errors: [said(UNKNOWN), said('return: object{statusCode:number}')],
    },
  ],
});

// With type information, what the file does not show comes from the checker (marked ~).
typedTester.run('responses: type information', dumpRule, {
  valid: [],
  invalid: [
    {
      // A response shape known from the type also marks the handler as an HTTP one.
      code: `import { buildResponse } from './helpers.js';\nexport const handler = async (event: unknown) => buildResponse({ id: '1', name: 'n' });`,
      errors: [said(REST), said('return: ~object{body:object,statusCode:number}')],
    },
    {
      code: `import { fetchItem } from './helpers.js';\nexport const handler = async (event: unknown) => ({ statusCode: 200, body: await fetchItem('1') });`,
      errors: [said(REST), said('return: object{body:object,statusCode:number}')],
    },
    {
      // A returned promise from another module: its settled type is the response.
      code: `import { fetchItem } from './helpers.js';\nexport const handler = async (event: unknown) => fetchItem('1');`,
      errors: [said(UNKNOWN), said('return: ~object{id:string,name:string}')],
    },
    {
      code: `export const handler = async (event: { body: string; id: number }) => ({ statusCode: 200, body: event.body, id: event.id, data: new TextEncoder().encode('x') });`,
      errors: [said(REST), said('return: object{body:string,data:buffer,id:number,statusCode:number}')],
    },
    {
      code: `export const handler = async (event: { body: any }) => ({ statusCode: 200, body: event.body });`,
      errors: [said(REST), said('return: object{body:unknown,statusCode:number}')],
    },
    {
      code: `export const handler = async (res: Response) => ({ statusCode: 200, body: res.json(), text: res.text });`,
      filename: 'file.ts',
      errors: [said(REST), said('return: object{body:promise,statusCode:number,text:function}')],
    },
  ],
});

// What the file shows about a response object's keys, and where it stops showing all of them.
javascriptTester.run('responses: keys that code removes or adds', dumpRule, {
  valid: [],
  invalid: [
    {
      code: `export const handler = async () => {\n  const response = { statusCode: 200, body: '', debug: 1 };\n  delete response.debug;\n  return response;\n};`,
      errors: [said(REST), said('return: object{body:string,debug:number,statusCode:number,...}')],
    },
    {
      code: `export const handler = async () => {\n  const response = { statusCode: 200 };\n  Object.assign(response, extra);\n  return response;\n};`,
      errors: [said(UNKNOWN), said('return: object{statusCode:number,...}')],
    },
  ],
});
