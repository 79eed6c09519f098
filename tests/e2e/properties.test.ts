import path from 'node:path';
import { Linter } from 'eslint';
import * as espree from 'espree';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';
import { invoke, loadHandler } from '../support/invoke.js';
import { contractProblems, type Integration } from '../support/proxy-contract.js';

/**
 * Generated handlers: every export form, function form and style, with responses mixing right and
 * wrong keys, for every integration and runtime. For each: `--fix` with every rule leaves code that
 * parses, a second pass changes nothing, and when no report is left, the handler, run the way the
 * Lambda runtime runs it, answers a response its integration accepts.
 */
const STATUS = ['200', "'201'", "'OK'", undefined];
const BODY = ["'ok'", '{ a: 1 }', '[1, 2]', 'JSON.stringify({ a: 1 })', 'null', undefined];
const HEADERS = [undefined, "{ 'x-a': 'b' }", "{ 'Set-Cookie': ['a=1', 'b=2'] }", "{ 'x-n': 1 }", "{ 'x-b': true }", 'null'];
const EXTRA = [undefined, "Body: 'x'", "cookies: ['a=1']", "isBase64Encoded: 'false'", "multiValueHeaders: { 'x-m': 'v' }", "Hello: 'World'"];
const INTEGRATIONS: Integration[] = ['rest', 'http-v1', 'http-v2', 'url', 'alb'];

const handlerArbitrary = fc.record({
  statusCode: fc.constantFrom(...STATUS),
  body: fc.constantFrom(...BODY),
  headers: fc.constantFrom(...HEADERS),
  extra: fc.constantFrom(...EXTRA),
  wrap: fc.constantFrom('none', 'stringify', 'variable'),
  style: fc.constantFrom('return', 'callback'),
  isAsync: fc.boolean(),
  exportForm: fc.constantFrom('esm-const', 'esm-function', 'cjs-exports', 'cjs-object'),
  functionForm: fc.constantFrom('arrow', 'function'),
  integration: fc.constantFrom(...INTEGRATIONS),
  runtime: fc.constantFrom('nodejs22.x', 'nodejs24.x', undefined),
  keyForm: fc.constantFrom('plain', 'quoted', 'computed', 'shorthand', 'spread', 'commented'),
});
type Generated = typeof handlerArbitrary extends fc.Arbitrary<infer T> ? T : never;

function generate(spec: Generated): { code: string; module: boolean } {
  const entries = (
    [
      ['statusCode', spec.statusCode],
      ['headers', spec.headers],
      ['body', spec.body],
    ] as [string, string | undefined][]
  ).filter((entry): entry is [string, string] => entry[1] !== undefined);
  // The ways a key is written, which every fix must keep parsing: `{ body }` has no value to replace.
  const key = ([name, value]: readonly [string, string]): string => {
    switch (spec.keyForm) {
      case 'quoted':
        return `'${name}': ${value}`;
      case 'computed':
        return `['${name}']: ${value}`;
      case 'shorthand':
        return name;
      case 'commented':
        return `/* ${name} */ ${name}: /* value */ ${value}`;
      default:
        return `${name}: ${value}`;
    }
  };
  const written = entries.map(key);
  if (spec.keyForm === 'spread' && written.length > 0) written[0] = `...{ ${written[0]!} }`;
  const keys = [...written, spec.extra].filter((entry) => entry !== undefined);
  const literal = `{ ${keys.join(', ')} }`;
  const locals = spec.keyForm === 'shorthand' ? entries.map(([name, value]) => `const ${name} = ${value};\n  `).join('') : '';
  const setup = locals + (spec.wrap === 'variable' ? `const response = ${literal};\n  ` : '');
  const value = spec.wrap === 'stringify' ? `JSON.stringify(${literal})` : spec.wrap === 'variable' ? 'response' : literal;
  const params = spec.style === 'callback' ? '(event, context, callback)' : '(event, context)';
  const statement = spec.style === 'callback' ? `callback(null, ${value});` : `return ${value};`;
  const body = `{\n  ${setup}${statement}\n}`;
  const asyncWord = spec.isAsync ? 'async ' : '';
  const fn = spec.functionForm === 'arrow' ? `${asyncWord}${params} => ${body}` : `${asyncWord}function ${params} ${body}`;
  switch (spec.exportForm) {
    case 'esm-const':
      return { code: `export const handler = ${fn};\n`, module: true };
    case 'esm-function':
      return { code: `export ${asyncWord}function handler${params} ${body}\n`, module: true };
    case 'cjs-exports':
      return { code: `exports.handler = ${fn};\n`, module: false };
    case 'cjs-object':
      return { code: `const handler = ${fn};\nmodule.exports = { handler };\n`, module: false };
  }
}

function configFor(spec: Generated, module: boolean): Linter.Config[] {
  return [
    {
      files: ['**/*.js'],
      ...plugin.configs.all,
      languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: module ? 'module' : 'commonjs' },
      settings: { 'aws-lambda': { integration: spec.integration, ...(spec.runtime ? { runtime: spec.runtime } : {}) } },
    },
  ];
}

describe('generated handlers', () => {
  it('fix to code that parses, converge, and, once nothing is reported, answer what the integration accepts', async () => {
    const linter = new Linter({ cwd: fixturesDir });
    const filename = path.join(fixturesDir, 'generated.js');
    let clean = 0;
    await fc.assert(
      fc.asyncProperty(handlerArbitrary, async (spec) => {
        const { code, module } = generate(spec);
        const config = configFor(spec, module);
        const first = linter.verifyAndFix(code, config, filename);
        expect(first.messages.filter((message) => message.fatal === true)).toEqual([]);
        const second = linter.verifyAndFix(first.output, config, filename);
        expect(second.fixed).toBe(false);
        if (second.messages.some((message) => message.ruleId?.startsWith('aws-lambda/'))) return;
        clean++;
        const handler = await loadHandler(first.output, module);
        const lines = spec.runtime === 'nodejs22.x' ? (['classic'] as const) : spec.runtime === 'nodejs24.x' ? (['modern'] as const) : (['classic', 'modern'] as const);
        for (const line of lines) {
          const outcome = await invoke(handler, line);
          expect(outcome.error, `${line}\n${first.output}`).toBeUndefined();
          expect(contractProblems(spec.integration, outcome.response), `${line} ${spec.integration}\n${first.output}`).toEqual([]);
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 400), seed: Number(process.env.PROPERTY_SEED ?? 20261124) },
    );
    console.info(`generated handlers: ${clean} ended clean`);
    // Enough generated handlers end clean for the last property to say something.
    expect(clean).toBeGreaterThan(40);
  }, 120_000);
});
