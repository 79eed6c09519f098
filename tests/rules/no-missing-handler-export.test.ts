import path from 'node:path';
import rule from '../../src/rules/no-missing-handler-export.js';
import { fixturesDir, PluginRuleTester } from '../rule-tester.js';

const javascriptTester = new PluginRuleTester('javascript');
const typescriptTester = new PluginRuleTester('typescript');
const typedTester = new PluginRuleTester('typed');

// tests/fixtures/descriptors/missing-export/serverless.yml names `todos/get.get` and `todos/list.handler`.
const GET = path.join(fixturesDir, 'descriptors/missing-export/todos/get.js');
const LIST = path.join(fixturesDir, 'descriptors/missing-export/todos/list.ts');

javascriptTester.run('no-missing-handler-export (JavaScript)', rule, {
  valid: [
    { code: `export const get = async (event) => ({ statusCode: 200, body: '' });\n`, filename: GET },
    { code: `module.exports.get = async (event) => ({ statusCode: 200, body: '' });\n`, filename: GET },
    { code: `const get = async () => ({ statusCode: 200, body: '' });\nmodule.exports = { get };\n`, filename: GET },
    // What the file cannot show: nothing is said.
    { code: `export * from './implementation.js';\nexport const read = 1;\n`, filename: GET },
    { code: `module.exports = require('./implementation');\n`, filename: GET },
    { code: `Object.assign(module.exports, handlers);\nexports.read = 1;\n`, filename: GET },
    // No descriptor names this module.
    { code: `export const read = async (event) => ({ statusCode: 200, body: '' });\n`, filename: path.join(fixturesDir, 'javascript.js') },
  ],
  invalid: [
    {
      code: `export const read = async (event) => ({ statusCode: 200, body: '' });\n`,
      filename: GET,
      errors: [
        {
          messageId: 'missingExport',
          data: { descriptor: 'serverless.yml', name: 'get', exported: ' (it exports `read`)' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 70,
        },
      ],
    },
    {
      code: `module.exports.read = async (event) => ({ statusCode: 200, body: '' });\n`,
      filename: GET,
      errors: [
        {
          messageId: 'missingExport',
          data: { descriptor: 'serverless.yml', name: 'get', exported: ' (it exports `read`)' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 72,
        },
      ],
    },
    {
      // An ES module's default export is named `default`.
      code: `export default async function get(event) {\n  return { statusCode: 200, body: '' };\n}\n`,
      filename: GET,
      errors: [
        {
          messageId: 'missingExport',
          data: { descriptor: 'serverless.yml', name: 'get', exported: ' (it exports `default`)' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 43,
        },
      ],
    },
  ],
});

typescriptTester.run('no-missing-handler-export (TypeScript)', rule, {
  valid: [{ code: `export const handler = async (): Promise<void> => {};\n`, filename: LIST }],
  invalid: [
    {
      code: `export const list = async (): Promise<void> => {};\nexport type Handler = () => void;\n`,
      filename: LIST,
      errors: [
        {
          messageId: 'missingExport',
          // A type is not a runtime export.
          data: { descriptor: 'serverless.yml', name: 'handler', exported: ' (it exports `list`)' },
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 51,
        },
      ],
    },
  ],
});

typedTester.run('no-missing-handler-export (type information)', rule, {
  // The typed project holds only tests/fixtures/*.ts: no descriptor names them.
  valid: [`export const list = async (): Promise<void> => {};\n`],
  invalid: [],
});
