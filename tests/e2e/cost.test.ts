import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Rule } from 'eslint';
import * as espree from 'espree';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analysisStats } from '../../src/analysis/types.js';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';

// What a file costs our rules, in the design's terms: a file without a handler gets no listener and
// no question to the type checker, and the code path listeners are added only for handlers that need
// them. The benchmark measures the time; this checks the structure that keeps it low.

/** The listeners each rule returned for the last file, by rule name. */
const listenersOf = new Map<string, string[]>();
const recordingPlugin = {
  ...plugin,
  rules: Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]): [string, Rule.RuleModule] => [
      name,
      {
        ...rule,
        create(context) {
          const listeners = rule.create(context);
          listenersOf.set(name, Object.keys(listeners).sort());
          return listeners;
        },
      },
    ]),
  ),
};

function lint(code: string, file: 'file.ts' | 'javascript.js', typed: boolean): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({
    cwd: fixturesDir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,ts}'],
        plugins: { 'aws-lambda': recordingPlugin },
        rules: plugin.configs.recommended.rules,
        languageOptions: typed
          ? { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } }
          : { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
      },
    ],
  });
  return eslint.lintText(code, { filePath: path.join(fixturesDir, file) });
}

/** The rules `recommended` turns on, each with no listener. */
const NO_LISTENERS = Object.fromEntries(Object.keys(plugin.configs.recommended.rules ?? {}).map((name) => [name.replace('aws-lambda/', ''), []]));

beforeEach(() => {
  listenersOf.clear();
  analysisStats.handlers.clear();
  analysisStats.typeQueries.clear();
  analysisStats.counting = true;
});
afterEach(() => {
  analysisStats.counting = false;
});

describe('a file without a handler', () => {
  it('in TypeScript, with types: no listener and no question to the checker', async () => {
    const code = [
      `import type { APIGatewayProxyEvent } from 'aws-lambda';`,
      `export const userId = (event: APIGatewayProxyEvent): string => event.requestContext.accountId;`,
      `export function handler(signal: NodeJS.Signals) { return signal === 'SIGTERM' ? 0 : 1; }`,
      `const helper = (value: string) => value.trim();`,
      `export { helper };`,
    ].join('\n');
    const [result] = await lint(code, 'file.ts', true);
    expect(result?.messages).toEqual([]);
    expect(Object.fromEntries(listenersOf)).toEqual(NO_LISTENERS);
    expect(analysisStats.handlers.get(path.join(fixturesDir, 'file.ts'))).toBe(0);
    expect(analysisStats.typeQueries.size).toBe(0);
  });

  it('exports whose first parameter has a named type, and whose syntax says they answer no response: no question to the checker', async () => {
    const code = [
      `export const daysBetween = (a: Date, b: Date): number => Math.round((b.getTime() - a.getTime()) / 86_400_000);`,
      `export async function retry<T>(task: () => Promise<T>, attempts = 3): Promise<T> { return task(); }`,
      `export const format = (order: Order, locale: string): string => order.id + locale;`,
      `interface Order { id: string }`,
    ].join('\n');
    const [result] = await lint(code, 'file.ts', true);
    expect(result?.messages).toEqual([]);
    expect(analysisStats.handlers.get(path.join(fixturesDir, 'file.ts'))).toBe(0);
    expect(analysisStats.typeQueries.size).toBe(0);
  });

  it('in JavaScript whose text never spells a handler name: no listener', async () => {
    const code = `export const onKey = (event) => ({ key: event.key });\nexports.main = async (event) => ({ statusCode: 200, body: '' });\n`;
    const [result] = await lint(code, 'javascript.js', false);
    expect(result?.messages).toEqual([]);
    expect(Object.fromEntries(listenersOf)).toEqual(NO_LISTENERS);
  });
});

describe('a handler file', () => {
  it('asks the checker about a response built elsewhere', async () => {
    const code = [
      `import type { APIGatewayProxyHandler } from 'aws-lambda';`,
      `import { buildResponse } from './helpers.js';`,
      `export const handler: APIGatewayProxyHandler = async () => buildResponse({ id: '1', name: 'a' });`,
    ].join('\n');
    const [result] = await lint(code, 'file.ts', true);
    expect(result?.messages.map((message) => message.messageId)).toEqual(['bodyNotString']);
    // One question, about the call: its kind and its properties come from the one answer, and the
    // imported function it calls is not asked about.
    expect(analysisStats.typeQueries.get(path.join(fixturesDir, 'file.ts'))).toBe(1);
  });

  it('asks nothing about an imported object whose method builds the response', async () => {
    const code = [
      `import type { APIGatewayProxyHandler } from 'aws-lambda';`,
      `import * as helpers from './helpers.js';`,
      `export const handler: APIGatewayProxyHandler = async () => helpers.buildResponse({ id: '1', name: 'a' });`,
    ].join('\n');
    const [result] = await lint(code, 'file.ts', true);
    expect(result?.messages.map((message) => message.messageId)).toEqual(['bodyNotString']);
    expect(analysisStats.typeQueries.get(path.join(fixturesDir, 'file.ts'))).toBe(1);
  });

  it('asks about a member of the event, not also about the event', async () => {
    const code = [
      `import type { APIGatewayProxyEvent } from 'aws-lambda';`,
      `export const handler = async (event: APIGatewayProxyEvent) => ({ statusCode: 200, headers: event.headers, body: event.body ?? '' });`,
    ].join('\n');
    const [result] = await lint(code, 'file.ts', true);
    expect(result?.messages).toEqual([]);
    // `event.headers` (an object: the checker tells its keys); `event` itself shows no keys the file
    // wrote, and `event.body` is in the table of event fields (string or null).
    expect(analysisStats.typeQueries.get(path.join(fixturesDir, 'file.ts'))).toBe(1);
  });

  it('reads the fields of an event its handler type names from the table of @types/aws-lambda, not the checker', async () => {
    const code = [
      `import type { ALBHandler } from 'aws-lambda';`,
      `export const handler: ALBHandler = async (event) => ({ statusCode: 200, headers: { 'x-path': event.path, 'x-encoded': event.isBase64Encoded }, body: event.httpMethod });`,
    ].join('\n');
    const [result] = await lint(code, 'file.ts', true);
    expect(result?.messages.map((message) => `${message.column} ${message.messageId ?? ''}`)).toEqual(['119 headerNotString']);
    expect(analysisStats.typeQueries.get(path.join(fixturesDir, 'file.ts')) ?? 0).toBe(0);
  });

  it('asks the checker about an event parameter the handler assigns', async () => {
    const code = [
      `import type { ALBHandler } from 'aws-lambda';`,
      `export const handler: ALBHandler = async (event) => { event = { ...event, path: '/' }; return { statusCode: 200, headers: {}, body: event.path }; };`,
    ].join('\n');
    const [result] = await lint(code, 'file.ts', true);
    expect(result?.messages).toEqual([]);
    expect(analysisStats.typeQueries.get(path.join(fixturesDir, 'file.ts'))).toBe(1);
  });

  it('in JavaScript without JSDoc types, asks nothing about what the event holds: the checker says `any`', async () => {
    const code = [
      `exports.handler = async function (event) {`,
      `  if (!event.body) return { statusCode: 400, headers: event.headers, body: { message: 'empty' } };`,
      `  return { statusCode: 200, headers: event.headers, body: event.body };`,
      `};`,
    ].join('\n');
    const [result] = await lint(code, 'javascript.js', true);
    expect(result?.messages.map((message) => `${message.line} ${message.messageId ?? ''}`)).toEqual(['2 bodyNotString']);
    expect(analysisStats.typeQueries.get(path.join(fixturesDir, 'javascript.js')) ?? 0).toBe(0);
  });

  it('in JavaScript, still asks about a value the checker infers: what an imported helper returns', async () => {
    const code = [
      `import { buildResponse } from './helpers.js';`,
      `export const handler = async (event) => buildResponse({ id: event.id, name: 'a' });`,
    ].join('\n');
    const [result] = await lint(code, 'javascript.js', true);
    expect(result?.messages.map((message) => message.messageId)).toEqual(['bodyNotString']);
    expect(analysisStats.typeQueries.get(path.join(fixturesDir, 'javascript.js'))).toBe(1);
  });

  it('asks nothing about an event typed with a plain interface of the file, and asks about one that extends another', async () => {
    const handler = (declaration: string) =>
      [
        `import type { Context } from 'aws-lambda';`,
        declaration,
        `export const handler = async (input: Input, context: Context): Promise<{ approved: boolean; requestId: string }> => {`,
        `  return { approved: input.amount < 100, requestId: context.awsRequestId };`,
        `};`,
      ].join('\n');
    const [plain] = await lint(handler('interface Input { orderId: string; amount: number }'), 'file.ts', true);
    expect(plain?.messages).toEqual([]);
    expect(analysisStats.handlers.get(path.join(fixturesDir, 'file.ts'))).toBe(1);
    expect(analysisStats.typeQueries.get(path.join(fixturesDir, 'file.ts')) ?? 0).toBe(0);
    // What it extends may be an event type of `@types/aws-lambda`: the checker says.
    analysisStats.typeQueries.clear();
    const [extending] = await lint(
      handler(`import type { SQSEvent } from 'aws-lambda';\ninterface Input extends SQSEvent { amount: number }`),
      'file.ts',
      true,
    );
    expect(extending?.messages).toEqual([]);
    expect(analysisStats.typeQueries.get(path.join(fixturesDir, 'file.ts'))).toBe(1);
  });

  it('with an expression body and no callback: no code path listener', async () => {
    const code = `export const handler = async (event) => ({ statusCode: 200, body: event.path });\n`;
    await lint(code, 'javascript.js', false);
    expect(Object.fromEntries(listenersOf)).toEqual({
      'no-callback-handler': ['Program:exit'],
      'no-legacy-context-methods': ['Program:exit'],
      // No descriptor names this module.
      'no-missing-handler-export': [],
      'require-async-handler': ['Program:exit'],
      'valid-callback': ['ThrowStatement'],
      'valid-proxy-response': ['Program:exit'],
    });
  });

  it('async with a block body: valid-proxy-response follows its code paths', async () => {
    const code = `export const handler = async (event) => {\n  if (event.path) return { statusCode: 200, body: '' };\n};\n`;
    const [result] = await lint(code, 'javascript.js', false);
    expect(result?.messages.map((message) => message.messageId)).toEqual(['noResponseOnSomePath']);
    expect(listenersOf.get('valid-proxy-response')).toContain('onCodePathSegmentStart');
    expect(listenersOf.get('valid-callback')).toEqual(['ThrowStatement']);
  });

  it('async with a block body that ends in a return or a throw: no code path listener', async () => {
    for (const end of [`return { statusCode: 200, body: '' };`, `throw new Error('unsupported');`]) {
      const code = `export const handler = async (event) => {\n  if (event.path === '/') return { statusCode: 200, body: 'home' };\n  ${end}\n};\n`;
      const [result] = await lint(code, 'javascript.js', false);
      expect(result?.messages).toEqual([]);
      expect(listenersOf.get('valid-proxy-response')).toEqual(['Program:exit']);
    }
  });

  it('with a callback: valid-callback follows its calls and code paths', async () => {
    const code = `export const handler = (event, context, callback) => {\n  callback(null, { statusCode: 200, body: '' });\n};\n`;
    await lint(code, 'javascript.js', false);
    expect(listenersOf.get('valid-callback')).toEqual(
      expect.arrayContaining(['CallExpression', 'ThrowStatement', 'onCodePathEnd', 'onCodePathStart']),
    );
    expect(listenersOf.get('valid-proxy-response')).toEqual(['Program:exit']);
  });
});
