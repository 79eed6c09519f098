import rule from '../../src/rules/no-legacy-context-methods.js';
import { PluginRuleTester } from '../rule-tester.js';

const javascriptTester = new PluginRuleTester('javascript');
const typedTester = new PluginRuleTester('typed');
const typescriptTester = new PluginRuleTester('typescript');

const gone = (method: string) => ({ messageId: 'goneOnNode24' as const, data: { method } });

javascriptTester.run('no-legacy-context-methods (JavaScript)', rule, {
  valid: [
    // In an async handler the setting does nothing on any runtime.
    `exports.handler = async (event, context) => {\n  context.callbackWaitsForEmptyEventLoop = false;\n  return { statusCode: 200 };\n};`,
    `export const handler = async (event, context) => ({ id: context.awsRequestId, left: context.getRemainingTimeInMillis() });`,
    // Node.js 22 and earlier still have them in a callback-style handler.
    { code: `exports.handler = (event, context) => { context.succeed({ statusCode: 200 }); };`, settings: { 'aws-lambda': { runtime: 'nodejs22.x' } } },
    { code: `exports.handler = (event, context, callback) => { context.callbackWaitsForEmptyEventLoop = false; callback(null, 1); };`, settings: { 'aws-lambda': { runtime: 'nodejs20.x' } } },
    // Not the handler's context.
    `export const handler = async (event) => { const context = makeContext(); context.succeed(1); };`,
    `function helper(event, context) { context.succeed(1); }`,
  ],
  invalid: [
    {
      // At the end of an async handler, the same answer is a return or a throw.
      code: `export const handler = async (event, context) => {\n  const item = await load(event);\n  context.succeed({ statusCode: 200, body: JSON.stringify(item) });\n};`,
      output: `export const handler = async (event, context) => {\n  const item = await load(event);\n  return { statusCode: 200, body: JSON.stringify(item) };\n};`,
      errors: [{ ...gone('succeed'), line: 3, column: 3, endLine: 3, endColumn: 67 }],
    },
    {
      code: `export const handler = async (event, context) => {\n  try {\n    return await work(event);\n  } catch (error) {\n    context.fail(error);\n  }\n};`,
      output: `export const handler = async (event, context) => {\n  try {\n    return await work(event);\n  } catch (error) {\n    throw error;\n  }\n};`,
      errors: [{ ...gone('fail'), line: 5, column: 5, endLine: 5, endColumn: 24 }],
    },
    {
      code: `export const handler = async (event, context) => {\n  if (event.bad) {\n    context.done(new Error('bad'));\n    return;\n  }\n  context.done(null, { statusCode: 200 });\n};`,
      output: `export const handler = async (event, context) => {\n  if (event.bad) {\n    throw new Error('bad');\n  }\n  return { statusCode: 200 };\n};`,
      errors: [{ ...gone('done'), line: 3, column: 5, endLine: 3, endColumn: 35 }, { ...gone('done'), line: 6, column: 3, endLine: 6, endColumn: 42 }],
    },
    {
      // Not at the end: returning there would skip what follows, so a suggestion.
      code: `export const handler = async (event, context) => {\n  context.succeed({ statusCode: 202 });\n  await cleanUp();\n};`,
      errors: [
        {
          ...gone('succeed'), line: 2, column: 3, endLine: 2, endColumn: 39,
          suggestions: [
            { messageId: 'useReturnOrThrow', output: `export const handler = async (event, context) => {\n  return { statusCode: 202 };\n  await cleanUp();\n};` },
          ],
        },
      ],
    },
    {
      // Inside another function: neither a fix nor a suggestion.
      code: `export const handler = async (event, context) => {\n  emitter.on('done', (result) => context.succeed(result));\n};`,
      errors: [{ ...gone('succeed'), line: 2, column: 34, endLine: 2, endColumn: 57, suggestions: [] }],
    },
    {
      // A non-async handler: the whole conversion, as a suggestion.
      code: `exports.handler = function (event, context) {\n  if (!event.id) {\n    context.fail(new Error('id'));\n    return;\n  }\n  context.succeed({ statusCode: 200 });\n};`,
      errors: [
        {
          ...gone('fail'), line: 3, column: 5, endLine: 3, endColumn: 34,
          suggestions: [
            {
              messageId: 'convertToAsync',
              output: `exports.handler = async function (event, context) {\n  if (!event.id) {\n    throw new Error('id');\n  }\n  return { statusCode: 200 };\n};`,
            },
          ],
        },
        {
          ...gone('succeed'), line: 6, column: 3, endLine: 6, endColumn: 39,
          suggestions: [
            {
              messageId: 'convertToAsync',
              output: `exports.handler = async function (event, context) {\n  if (!event.id) {\n    throw new Error('id');\n  }\n  return { statusCode: 200 };\n};`,
            },
          ],
        },
      ],
    },
    {
      code: `exports.handler = (event, context) => {\n  context.callbackWaitsForEmptyEventLoop = false;\n  return { statusCode: 200 };\n};`,
      errors: [
        {
          messageId: 'waitsForEmptyEventLoop',
          line: 2, column: 3, endLine: 2, endColumn: 41,
          suggestions: [{ messageId: 'removeStatement', output: `exports.handler = (event, context) => {\n  return { statusCode: 200 };\n};` }],
        },
      ],
    },
    {
      // On Node.js 22 only: context methods inside async handlers race the promise.
      code: `export const handler = async (event, context) => { context.succeed(1); };`,
      output: `export const handler = async (event, context) => { return 1; };`,
      settings: { 'aws-lambda': { runtime: 'nodejs22.x' } },
      errors: [{ messageId: 'racesPromise', data: { method: 'succeed', runtime: 'nodejs22.x' }, line: 1, column: 52, endLine: 1, endColumn: 70 }],
    },
  ],
});

typescriptTester.run('no-legacy-context-methods (TypeScript)', rule, {
  valid: [],
  invalid: [
    {
      code: `import type { Context } from 'aws-lambda';\nexport async function handler(event: unknown, context: Context) {\n  context.succeed('ok');\n}`,
      output: `import type { Context } from 'aws-lambda';\nexport async function handler(event: unknown, context: Context) {\n  return 'ok';\n}`,
      errors: [{ ...gone('succeed'), line: 3, column: 3, endLine: 3, endColumn: 24 }],
    },
  ],
});

typedTester.run('no-legacy-context-methods (type information)', rule, {
  valid: [],
  invalid: [
    {
      code: `exports.handler = async (event, context) => { context.done(null, 'ok'); };`,
      output: `exports.handler = async (event, context) => { return 'ok'; };`,
      filename: 'javascript.js',
      errors: [{ ...gone('done'), line: 1, column: 47, endLine: 1, endColumn: 71 }],
    },
  ],
});

// A module of helpers that take the handler's `context`: on Node.js 24 the helper throws.
javascriptTester.run('no-legacy-context-methods: helpers in modules without a handler', rule, {
  valid: [
    // Node.js 22 is the user's word: the methods are there.
    { code: `exports.reply = (context, data) => context.succeed({ statusCode: 200, body: JSON.stringify(data) });\n`, settings: { 'aws-lambda': { runtime: 'nodejs22.x' } } },
    // Not exported, or not the parameter.
    `const context = makeContext();\ncontext.succeed(1);\n`,
    `export const reply = (ctx, data) => ctx.send(data);\n`,
  ],
  invalid: [
    {
      code: `exports.reply = (context, data) => context.succeed({ statusCode: 200, body: JSON.stringify(data) });\n`,
      errors: [{ messageId: 'goneOnNode24', data: { method: 'succeed' }, line: 1, column: 36, endLine: 1, endColumn: 100 }],
    },
    {
      code: `module.exports = {\n  fail(context, error) {\n    context.fail(error);\n  },\n};\n`,
      errors: [{ messageId: 'goneOnNode24', data: { method: 'fail' }, line: 3, column: 5, endLine: 3, endColumn: 24 }],
    },
  ],
});
