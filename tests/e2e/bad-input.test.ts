import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';

const HANDLER = `export const handler = (event) => ({ statusCode: 200, body: { id: event.pathParameters.id } });\n`;
const lintText = (code: string, config: Linter.Config[], filePath?: string) =>
  new ESLint({ overrideConfigFile: true, overrideConfig: [{ files: ['**/*.{js,mjs,cjs,ts}'] }, plugin.configs.all, ...config], cwd: work }).lintText(code, { filePath });
let work = '';

beforeAll(async () => {
  await mkdir(path.join(fixturesDir, '..', '.tmp'), { recursive: true });
  work = await mkdtemp(path.join(fixturesDir, '..', '.tmp', 'bad-input-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('invalid rule options fail the schema check, naming the option', () => {
  it.each([
    [{ requireStatusCod: true }, 'Unexpected property "requireStatusCod". Expected properties: "requireStatusCode", "allowNumericStatusCodeStrings", "checks".'],
    [{ requireStatusCode: 'yes' }, 'Value "yes" should be boolean.'],
    [
      { checks: { bodies: false } },
      'Unexpected property "bodies". Expected properties: "response-type", "response-keys", "unknown-keys", "status-code", "body", "headers", "multi-value-headers", "is-base64-encoded", "cookies".',
    ],
  ])('%j', async (options, message) => {
    const attempt = lintText(HANDLER, [{ rules: { 'aws-lambda/valid-proxy-response': ['error', options] } }]);
    await expect(attempt).rejects.toThrow('Key "aws-lambda/valid-proxy-response"');
    await expect(attempt).rejects.toThrow(message);
  });

  it('a rule without options refuses one', async () => {
    const attempt = lintText(HANDLER, [{ rules: { 'aws-lambda/require-async-handler': ['error', { fix: false }] } }]);
    await expect(attempt).rejects.toThrow('Key "aws-lambda/require-async-handler"');
    await expect(attempt).rejects.toThrow('Value [{"fix":false}] should NOT have more than 0 items.');
  });
});

describe('broken input ends in a report, not a crash', () => {
  it('a parse error is one fatal message', async () => {
    const [result] = await lintText('export const handler = async (event) => { return { statusCode: 200 ;', []);
    expect(result?.messages.map((message) => [message.fatal, message.ruleId])).toEqual([[true, null]]);
  });

  it('eslint-disable comments silence a report as for any rule', async () => {
    const [result] = await lintText(
      `// eslint-disable-next-line aws-lambda/require-async-handler\nexport const handler = (event) => ({ statusCode: 200, body: '' });\n`,
      [],
    );
    expect(result?.messages).toEqual([]);
  });

  it('a file outside the typed project is a parse error from typescript-eslint, and no rule runs', async () => {
    await writeFile(path.join(work, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true }, include: ['src'] }));
    const [result] = await lintText(HANDLER, [{ languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: work } } }], path.join(work, 'outside.ts'));
    expect(result?.messages).toHaveLength(1);
    expect(result?.messages[0]?.fatal).toBe(true);
    expect(result?.messages[0]?.message).toContain('was not found by the project service');
  });

  it('a tsconfig that is not JSON is reported by the parser, not thrown by a rule', async () => {
    const dir = await mkdtemp(path.join(work, 'broken-'));
    await writeFile(path.join(dir, 'tsconfig.json'), '{ "compilerOptions": { "strict": true, }');
    const [result] = await lintText(HANDLER, [{ languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: dir } } }], path.join(dir, 'handler.ts'));
    expect(result?.messages).toHaveLength(1);
    expect(result?.messages[0]?.fatal).toBe(true);
    expect(result?.messages[0]?.message).toContain('was not found by the project service');
  });

  it('typed rules on plain JavaScript without a program still report what the file shows', async () => {
    const [result] = await lintText(HANDLER, [], path.join(work, 'handler.mjs'));
    expect(result?.messages.map((message) => message.ruleId)).toEqual(['aws-lambda/require-async-handler', 'aws-lambda/valid-proxy-response']);
  });
});
