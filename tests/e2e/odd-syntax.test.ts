import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';

/** Unusual exports and syntax: every rule runs on them without throwing, typed and untyped. */
const ODD = [
  `export const { handler } = makeHandlers();`,
  `export const [handler] = [async () => ({ statusCode: 200 })];`,
  `exports['handler'] = async (event) => ({ statusCode: 200, body: '' });`,
  `exports[name] = async () => 1;`,
  `module.exports.handler = require('./impl').handler;`,
  `module.exports = function handler(event, context, callback) { callback(null, 1); };`,
  `module.exports = { ...others, handler: (e, c, cb) => cb(null, { statusCode: 200 }) };`,
  `Object.defineProperty(exports, 'handler', { value: async () => ({ statusCode: 200 }) });`,
  `export * from './handlers.js';`,
  `export * as handler from './handlers.js';`,
  `export default class Handler { handle(event) { return { statusCode: 200 }; } }`,
  `export default async function (event, context, callback) { callback({ statusCode: 200 }); }`,
  `const handler = async function* (event) { yield { statusCode: 200 }; };\nexport { handler };`,
  `export const handler = async (event) => { return { statusCode: 200, body: { a: 1 }, ...(await extra()), [key]: 1, get x() { return 1; }, set y(v) {} }; };`,
  `export const handler = (event, context, callback) => callback;`,
  `export const handler = (event, { succeed }, callback) => succeed({ statusCode: 200 });`,
  `export const handler = ({ body = '{}', ...rest } = {}, context) => ({ statusCode: 200, body, rest });`,
  `export const handler = async (event) => { label: { break label; } return; };`,
  `export const handler = async (event) => { for (;;) { return { statusCode: 200, body: [] }; } };`,
  `export const handler = async (event) => { switch (event.x) { case 1: return JSON.stringify({ statusCode: 1 }, null); default: } };`,
  `export const handler = (event, context, callback) => { try { callback(null, 1); } finally { callback(null, 2); } };`,
  `export const handler = (event, context, callback) => { const cb = callback; cb(null, 1); };`,
  `export const handler = async (event, context) => { context.succeed = () => {}; context['done'](null, 1); };`,
  `export const handler = async (event) => { const r = {}; r.statusCode = 200; r.body = r; return r; };`,
  `const a = () => b(); const b = () => a();\nexport const handler = async (event) => a();`,
  `export const handler = async (event) => ({ statusCode: 200, headers: { ...event.headers, [event.name]: [] } });`,
  `export const handler = async (event) => new Response('hi');`,
  `export const handler = async (event) => (await import('./x.js')).default(event);`,
  `export const handler = async (event) => \`\${event}\`;`,
  `export const handler = async (event) => { with (event) { return { statusCode: 200 }; } };`,
];
const TS_ODD = [
  `export const handler = async <T extends { body: string }>(event: T): Promise<{ statusCode: number } & T> => ({ ...event, statusCode: 200 });`,
  `export const handler: any = async (event: any) => ({ statusCode: 200, body: event as never });`,
  `declare const make: <T>(f: T) => T;\nexport const handler = make(async (event: unknown) => ({ statusCode: 200, body: {} satisfies object }));`,
  `enum Status { Ok = 200 }\nexport const handler = async (event: unknown) => ({ statusCode: Status.Ok, body: '' });`,
  `export namespace lambda { export const handler = async () => ({ statusCode: 200 }); }`,
  `export abstract class Base { abstract handler(event: unknown): unknown; }`,
  `export const handler = async (event: unknown) => ({ statusCode: 200, body: null! });`,
];

const languageOptions = {
  javascript: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
  typescript: { parser: tsParser },
  typed: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
} as const;

describe('odd syntax and unusual exports', () => {
  const linter = new Linter({ cwd: fixturesDir });
  const cases = [
    ...ODD.flatMap((code) => [['javascript', code, 'file.js'] as const, ['typed', code, 'file.ts'] as const]),
    ...TS_ODD.flatMap((code) => [['typescript', code, 'file.ts'] as const, ['typed', code, 'file.ts'] as const]),
  ];
  it.each(cases)('%s: %s', (mode, code, file) => {
    const config = [{ files: ['**/*.{js,ts}'], ...plugin.configs.all, languageOptions: languageOptions[mode] as Linter.LanguageOptions }];
    const filename = path.join(fixturesDir, file);
    const messages = linter.verify(code, config, filename);
    // Parse errors are the parser's (with `with` in a module, say); a rule never throws.
    expect(messages.filter((message) => message.fatal === true && !message.message.startsWith('Parsing error'))).toEqual([]);
    const fixed = linter.verifyAndFix(code, config, filename);
    expect(linter.verifyAndFix(fixed.output, config, filename).fixed).toBe(false);
  });
});
