import rule from '../../src/rules/no-legacy-context-methods.js';
import { javascriptTester, typedTester, typescriptTester } from '../rule-tester.js';

const settings = (runtime: string) => ({ 'aws-lambda': { runtime } });
const gone = (method: string) => ({ messageId: 'goneOnNode24' as const, data: { method } });

javascriptTester.run('no-legacy-context-methods (JavaScript)', rule, {
  valid: [
    `export const handler = async (event, context) => ({ id: context.awsRequestId, left: context.getRemainingTimeInMillis() });`,
    // Node.js 22 and earlier still have them in a callback-style handler.
    { code: `exports.handler = (event, context) => { context.succeed({ statusCode: 200 }); };`, settings: settings('nodejs22.x') },
    { code: `exports.handler = (event, context, callback) => { context.callbackWaitsForEmptyEventLoop = false; callback(null, 1); };`, settings: settings('nodejs20.x') },
    // Not the handler's context.
    `export const handler = async (event) => { const context = makeContext(); context.succeed(1); };`,
    `function helper(event, context) { context.succeed(1); }`,
  ],
  invalid: [
    {
      // At the end of an async handler, the same answer is a return or a throw.
      code: `export const handler = async (event, context) => {\n  const item = await load(event);\n  context.succeed({ statusCode: 200, body: JSON.stringify(item) });\n};`,
      output: `export const handler = async (event, context) => {\n  const item = await load(event);\n  return { statusCode: 200, body: JSON.stringify(item) };\n};`,
      errors: [{ ...gone('succeed'), line: 3, column: 3 }],
    },
    {
      code: `export const handler = async (event, context) => {\n  try {\n    return await work(event);\n  } catch (error) {\n    context.fail(error);\n  }\n};`,
      output: `export const handler = async (event, context) => {\n  try {\n    return await work(event);\n  } catch (error) {\n    throw error;\n  }\n};`,
      errors: [gone('fail')],
    },
    {
      code: `export const handler = async (event, context) => {\n  if (event.bad) {\n    context.done(new Error('bad'));\n    return;\n  }\n  context.done(null, { statusCode: 200 });\n};`,
      output: `export const handler = async (event, context) => {\n  if (event.bad) {\n    throw new Error('bad');\n  }\n  return { statusCode: 200 };\n};`,
      errors: [gone('done'), gone('done')],
    },
    {
      // Not at the end: returning there would skip what follows, so a suggestion.
      code: `export const handler = async (event, context) => {\n  context.succeed({ statusCode: 202 });\n  await cleanUp();\n};`,
      errors: [
        {
          ...gone('succeed'),
          suggestions: [
            { messageId: 'useReturnOrThrow', output: `export const handler = async (event, context) => {\n  return { statusCode: 202 };\n  await cleanUp();\n};` },
          ],
        },
      ],
    },
    {
      // Inside another function: neither a fix nor a suggestion.
      code: `export const handler = async (event, context) => {\n  emitter.on('done', (result) => context.succeed(result));\n};`,
      errors: [{ ...gone('succeed'), suggestions: [] }],
    },
    {
      // A non-async handler: the whole conversion, as a suggestion.
      code: `exports.handler = function (event, context) {\n  if (!event.id) {\n    context.fail(new Error('id'));\n    return;\n  }\n  context.succeed({ statusCode: 200 });\n};`,
      errors: [
        {
          ...gone('fail'),
          suggestions: [
            {
              messageId: 'convertToAsync',
              output: `exports.handler = async function (event, context) {\n  if (!event.id) {\n    throw new Error('id');\n  }\n  return { statusCode: 200 };\n};`,
            },
          ],
        },
        {
          ...gone('succeed'),
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
      code: `exports.handler = async (event, context) => {\n  context.callbackWaitsForEmptyEventLoop = false;\n  return { statusCode: 200 };\n};`,
      errors: [
        {
          messageId: 'waitsForEmptyEventLoop',
          line: 2,
          suggestions: [{ messageId: 'removeStatement', output: `exports.handler = async (event, context) => {\n  return { statusCode: 200 };\n};` }],
        },
      ],
    },
    {
      // On Node.js 22 only: context methods inside async handlers race the promise.
      code: `export const handler = async (event, context) => { context.succeed(1); };`,
      output: `export const handler = async (event, context) => { return 1; };`,
      settings: settings('nodejs22.x'),
      errors: [{ messageId: 'racesPromise', data: { method: 'succeed', runtime: 'nodejs22.x' } }],
    },
  ],
});

typescriptTester.run('no-legacy-context-methods (TypeScript)', rule, {
  valid: [],
  invalid: [
    {
      code: `import type { Context } from 'aws-lambda';\nexport async function handler(event: unknown, context: Context) {\n  context.succeed('ok');\n}`,
      output: `import type { Context } from 'aws-lambda';\nexport async function handler(event: unknown, context: Context) {\n  return 'ok';\n}`,
      errors: [gone('succeed')],
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
      errors: [gone('done')],
    },
  ],
});
