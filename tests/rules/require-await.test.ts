import rule from '../../src/rules/require-await.js';
import { PluginRuleTester } from '../rule-tester.js';

const javascriptTester = new PluginRuleTester('javascript');
const typescriptTester = new PluginRuleTester('typescript');
const typedTester = new PluginRuleTester('typed');

const missingAwait = (name: string) => ({ messageId: 'missingAwait' as const, data: { name } });

// ESLint's own require-await, less its reports on handlers: `require-async-handler` asks for their `async`.
javascriptTester.run('require-await (JavaScript)', rule, {
  valid: [
    // A handler that returns its response without awaiting: its `async` is what makes the runtime await it.
    `export const handler = async (event) => ({ statusCode: 200, body: 'ok' });`,
    `exports.handler = async function (event) { return { statusCode: 200, body: JSON.stringify(event) }; };`,
    `async function work() { await Promise.resolve(); }`,
    `export const handler = async (event) => { await save(event); return { statusCode: 204 }; };`,
  ],
  invalid: [
    {
      code: `async function helper() { return 1; }\nexport const handler = async () => ({ statusCode: 200, body: String(await helper()) });`,
      errors: [
        {
          ...missingAwait("Async function 'helper'"),
          line: 1, column: 1, endLine: 1, endColumn: 22,
          suggestions: [{ messageId: 'removeAsync', output: `function helper() { return 1; }\nexport const handler = async () => ({ statusCode: 200, body: String(await helper()) });` }],
        },
      ],
    },
    {
      // Not a handler: another export name, without Lambda types.
      code: `export const render = async (props) => props.title;`,
      errors: [
        {
          ...missingAwait('Async arrow function'),
          line: 1, column: 37, endLine: 1, endColumn: 39,
          suggestions: [{ messageId: 'removeAsync', output: `export const render = (props) => props.title;` }],
        },
      ],
    },
  ],
});

typescriptTester.run('require-await (TypeScript)', rule, {
  valid: [`import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const main: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: event.path });`],
  invalid: [
    {
      code: `export const handler = async (event: unknown) => {\n  const format = async (value: unknown): Promise<string> => JSON.stringify(value);\n  return { statusCode: 200, body: await format(event) };\n};`,
      errors: [
        {
          ...missingAwait('Async arrow function'),
          line: 2, column: 58, endLine: 2, endColumn: 60,
          suggestions: [{ messageId: 'removeAsync', output: `export const handler = async (event: unknown) => {\n  const format = (value: unknown): Promise<string> => JSON.stringify(value);\n  return { statusCode: 200, body: await format(event) };\n};` }],
        },
      ],
    },
  ],
});

typedTester.run('require-await (type information)', rule, {
  valid: [`import type { SQSEvent } from 'aws-lambda';\nexport const process = async (event: SQSEvent) => ({ batchItemFailures: [] });\nexport { process as handler };`],
  invalid: [
    {
      code: `export const render = async (title: string) => title.toUpperCase();`,
      errors: [
        {
          ...missingAwait('Async arrow function'),
          line: 1, column: 45, endLine: 1, endColumn: 47,
          suggestions: [{ messageId: 'removeAsync', output: `export const render = (title: string) => title.toUpperCase();` }],
        },
      ],
    },
  ],
});
