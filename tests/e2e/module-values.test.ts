import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import * as espree from 'espree';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analysisStats } from '../../src/analysis/types.js';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';

// Response builders and constants imported from the project's own modules (tests/fixtures/libs) are
// read from their source: without types they are all there is to know, and with types the checker
// need not be asked what the source shows for certain.

async function lint(code: string, file: 'file.ts' | 'javascript.js' | 'commonjs.cjs', typed: boolean): Promise<string[]> {
  const eslint = new ESLint({
    cwd: fixturesDir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,ts,cjs}'],
        plugins: { 'aws-lambda': plugin },
        rules: plugin.configs.recommended.rules,
        languageOptions: typed
          ? { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } }
          : { parser: espree, ecmaVersion: 'latest', sourceType: file.endsWith('.cjs') ? 'commonjs' : 'module' },
      },
    ],
  });
  const [result] = await eslint.lintText(code, { filePath: path.join(fixturesDir, file) });
  return (result?.messages ?? []).map((message) => `${message.line}:${message.column} ${message.ruleId ?? ''} ${message.messageId ?? message.message}`);
}

const queries = (file: string): number => analysisStats.typeQueries.get(path.join(fixturesDir, file)) ?? 0;

beforeEach(() => {
  analysisStats.typeQueries.clear();
  analysisStats.counting = true;
});
afterEach(() => {
  analysisStats.counting = false;
});

describe('TypeScript, with types', () => {
  it('a builder whose response the module shows in full: no question to the checker, and no report', async () => {
    const code = [
      `import type { APIGatewayProxyEvent } from 'aws-lambda';`,
      `import { ok } from './libs/responses.js';`,
      `import { CORS_HEADERS } from './libs/cors.js';`,
      `export const handler = async (event: APIGatewayProxyEvent) => {`,
      `  if (!event.body) return { statusCode: 400, headers: CORS_HEADERS, body: 'no body' };`,
      `  return ok({ id: event.pathParameters?.id });`,
      `};`,
    ].join('\n');
    expect(await lint(code, 'file.ts', true)).toEqual([]);
    expect(queries('file.ts')).toBe(0);
  });

  it('a builder whose `body` is an object literal: reported without a question to the checker', async () => {
    const code = [
      `import type { APIGatewayProxyEvent } from 'aws-lambda';`,
      `import { created } from './libs/responses.js';`,
      `export const handler = async (event: APIGatewayProxyEvent) => created(event.requestContext.requestId);`,
    ].join('\n');
    expect(await lint(code, 'file.ts', true)).toEqual(['3:63 aws-lambda/valid-proxy-response bodyNotString']);
    expect(queries('file.ts')).toBe(0);
  });

  it('a builder whose `body` comes from its caller: the checker is asked, and its type answers', async () => {
    const code = [
      `import type { APIGatewayProxyEvent } from 'aws-lambda';`,
      `import { passThrough } from './libs/responses.js';`,
      `export const handler = async (event: APIGatewayProxyEvent) => passThrough({ id: event.path });`,
    ].join('\n');
    expect(await lint(code, 'file.ts', true)).toEqual(['3:63 aws-lambda/valid-proxy-response bodyNotString']);
    expect(queries('file.ts')).toBe(1);
  });

  it('an async builder: what its promise settles with', async () => {
    const code = [
      `import type { APIGatewayProxyEvent } from 'aws-lambda';`,
      `import { later } from './libs/responses.js';`,
      `export const handler = async (event: APIGatewayProxyEvent) => later(event.path);`,
    ].join('\n');
    expect(await lint(code, 'file.ts', true)).toEqual([]);
    expect(queries('file.ts')).toBe(0);
  });
});

describe('JavaScript, without types', () => {
  it('a builder whose `body` is an object literal is reported; one that stringifies it is not', async () => {
    const code = [
      `import { created, ok } from './libs/responses.js';`,
      `export const handler = async (event) => (event.body ? ok(event.body) : created(event.path));`,
    ].join('\n');
    expect(await lint(code, 'javascript.js', false)).toEqual(['2:42 aws-lambda/valid-proxy-response bodyNotString']);
  });

  it('a constant of headers with an array value', async () => {
    const code = [
      `import { HEADERS } from './libs/responses.js';`,
      `export const handler = async () => ({ statusCode: 200, headers: HEADERS, body: '' });`,
    ].join('\n');
    expect(await lint(code, 'javascript.js', false)).toEqual(['2:37 aws-lambda/valid-proxy-response headerArray']);
  });

  it('a constant the module changes after its declaration is not read', async () => {
    const code = [`import { NOT_FOUND } from './libs/responses.js';`, `export const handler = async (event) => (event.requestContext.http.method === 'GET' ? NOT_FOUND : { statusCode: 405, body: '' });`].join('\n');
    expect(await lint(code, 'javascript.js', false)).toEqual([]);
  });

  it('a function made by another function: the names of the one that made it are not taken for the module\'s', async () => {
    const code = [`import { accepted } from './libs/responses.js';`, `export const handler = async (event) => accepted(event.body ? 202 : 204);`].join('\n');
    expect(await lint(code, 'javascript.js', false)).toEqual([]);
  });

  it('a builder destructured from require()', async () => {
    const code = [`const { created } = require('./libs/responses.cjs');`, `exports.handler = async (event) => created(event.path);`].join('\n');
    expect(await lint(code, 'commonjs.cjs', false)).toEqual(['2:36 aws-lambda/valid-proxy-response bodyNotString']);
  });

  it('`./x.js` is x.js itself, not x.ts, from a JavaScript file; a module that does not exist says nothing', async () => {
    const code = [
      `import { passThrough } from './libs/responses.js';`,
      `import { missing } from './libs/missing.js';`,
      `export const handler = async (event) => (event.body ? passThrough({ id: 1 }) : missing());`,
    ].join('\n');
    expect(await lint(code, 'javascript.js', false)).toEqual([]);
  });
});

describe('modules that cannot be followed to the end', () => {
  it('recursion, an import of itself, a module that does not parse: no crash, and nothing taken from them', async () => {
    const fromOdd = (name: string) => [`import { ${name} } from './libs/odd.js';`, `export const handler = async (event) => ${name}(event.id);`].join('\n');
    for (const name of ['fib', 'loop', 'self']) {
      expect(await lint(fromOdd(name), 'javascript.js', false)).toEqual([]);
    }
    const broken = [`import { broken } from './libs/broken.js';`, `export const handler = async (event) => broken(event.id);`].join('\n');
    expect(await lint(broken, 'javascript.js', false)).toEqual([]);
  });
});

describe('JavaScript, with types', () => {
  it('a JavaScript module is read (with the parser typed linting has loaded), and the checker is not asked', async () => {
    const code = [
      `import { created, ok } from './libs/responses.js';`,
      `export const handler = async (event) => (event.body ? ok(event.body) : created(event.path));`,
    ].join('\n');
    expect(await lint(code, 'javascript.js', true)).toEqual(['2:42 aws-lambda/valid-proxy-response bodyNotString']);
    expect(queries('javascript.js')).toBe(0);
  });
});
