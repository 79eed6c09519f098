import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { type InvalidTestCase, RuleTester, type RunTests, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';
import { type Linter as LinterType, Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

const LANGUAGE_OPTIONS = {
  javascript: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
  typescript: { parser: tsParser },
  typed: { parser: tsParser, parserOptions: { projectService: { allowDefaultProject: [] }, tsconfigRootDir: fixturesDir } },
} as const;
type Mode = keyof typeof LANGUAGE_OPTIONS;

/**
 * A rule tester in one of the three ways the plugin is linted, made with `new PluginRuleTester(mode)`
 * in each test file (so that eslint-plugin-eslint-plugin's test rules see its cases):
 * - `javascript`: plain JavaScript with ESLint's own parser, as a project without TypeScript lints it;
 * - `typescript`: TypeScript syntax without type information (no `projectService`);
 * - `typed`: typed linting through `projectService` on tests/fixtures, with `@types/aws-lambda`. Cases
 *   name `file.ts` (the default) or `javascript.js` or `commonjs.cjs` (checked through `allowJs`).
 *
 * It also checks every invalid case with an `output` the way `eslint --fix` would treat it: with all
 * of the plugin's rules on, fixes applied until nothing changes, the result parses and a second
 * `--fix` pass changes nothing.
 */
export class PluginRuleTester extends RuleTester {
  constructor(private readonly mode: Mode) {
    super({ languageOptions: LANGUAGE_OPTIONS[mode] as never });
  }

  override run<MessageIds extends string, Options extends readonly unknown[]>(
    name: string,
    rule: TSESLint.RuleModule<MessageIds, Options>,
    tests: RunTests<MessageIds, Options>,
  ): void {
    super.run(name, rule, tests);
    const fixed = tests.invalid.filter((test) => typeof test.output === 'string');
    if (fixed.length === 0) return;
    describe(`${name}: --fix with every rule converges`, () => {
      for (const test of fixed) {
        it(test.code, () => {
          checkConvergence(this.mode, name, test);
        });
      }
    });
  }
}

function checkConvergence(
  mode: Mode,
  ruleName: string,
  test: InvalidTestCase<string, readonly unknown[]> | ValidTestCase<readonly unknown[]>,
): void {
  const rule = ruleName.split(' ')[0]!.replace(/:$/u, '');
  const linter = new Linter({ cwd: fixturesDir });
  const filename = path.resolve(fixturesDir, test.filename ?? 'file.ts');
  const config: LinterType.Config[] = [
    {
      files: ['**/*.{js,mjs,cjs,ts,tsx}'],
      ...plugin.configs.all,
      languageOptions: LANGUAGE_OPTIONS[mode],
      settings: test.settings ?? {},
    },
  ];
  if (test.options && plugin.rules[rule]) {
    config.push({ files: ['**/*.{js,mjs,cjs,ts,tsx}'], rules: { [`aws-lambda/${rule}`]: ['error', ...(test.options as unknown[])] } });
  }
  const first = linter.verifyAndFix(test.code, config, filename);
  expect(first.fixed).toBe(true);
  expect(first.messages.filter((message) => message.fatal === true)).toEqual([]);
  const second = linter.verifyAndFix(first.output, config, filename);
  expect(second.fixed).toBe(false);
  expect(second.messages.filter((message) => message.fatal === true)).toEqual([]);
}
