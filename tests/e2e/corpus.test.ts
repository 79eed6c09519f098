import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';

/**
 * Code nobody here wrote: the sources shipped in well-known packages (installed as dev dependencies
 * for this test), linted with every rule. None of it is a Lambda handler, so every report is a false
 * positive, and every exception a crash.
 */
const PACKAGES = [
  'express',
  'router',
  'body-parser',
  'send',
  'finalhandler',
  'serve-static',
  '@middy/core',
  '@middy/http-json-body-parser',
  '@aws-lambda-powertools',
  'serverless-http',
  '@codegenie/serverless-express',
  'lodash-es',
];
const root = path.join(fixturesDir, '..', '..');
const corpus = path.join(root, 'tests', '.tmp', 'corpus');

beforeAll(async () => {
  await rm(corpus, { recursive: true, force: true });
  await mkdir(corpus, { recursive: true });
  for (const name of PACKAGES) {
    const from = path.join(root, 'node_modules', name);
    await cp(from, path.join(corpus, name), {
      recursive: true,
      filter: (source) => !path.relative(from, source).split(path.sep).includes('node_modules'),
    });
  }
  await writeFile(
    path.join(corpus, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { allowJs: true, checkJs: false, noEmit: true, module: 'nodenext', target: 'es2022', types: [], skipLibCheck: true },
      include: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    }),
  );
}, 120_000);
afterAll(async () => {
  await rm(corpus, { recursive: true, force: true });
});

function lint(cwd: string, typed: boolean, patterns: string[]) {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,mjs,cjs,ts,tsx}'],
        ...plugin.configs.all,
        languageOptions: {
          parser: tsParser,
          sourceType: 'module',
          parserOptions: typed ? { project: path.join(cwd, 'tsconfig.json'), tsconfigRootDir: cwd } : { ecmaFeatures: { jsx: true } },
        },
      },
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    ],
  }).lintFiles(patterns);
}

const summary = (results: ESLint.LintResult[]) => ({
  files: results.length,
  fatal: results.flatMap((result) => result.messages.filter((message) => message.fatal === true).map((message) => `${result.filePath}: ${message.message}`)),
  reports: results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId?.startsWith('aws-lambda/'))
      .map((message) => `${path.relative(corpus, result.filePath)}:${message.line} ${message.ruleId ?? ''}`),
  ),
});

describe('real code from npm packages, every rule on', () => {
  it.each([
    ['without type information', false],
    ['with type information', true],
  ])('%s: no crash, no parse failure, no report', async (_name, typed) => {
    const result = summary(await lint(corpus, typed, ['**/*.{js,mjs,cjs}']));
    console.info(`corpus ${typed ? 'typed' : 'untyped'}: ${result.files} files, ${result.reports.length} reports`);
    expect(result.fatal).toEqual([]);
    expect(result.reports).toEqual([]);
    expect(result.files).toBeGreaterThan(800);
  }, 120_000);
});

describe('every fixture and example, every rule on', () => {
  it('lints without a crash; only the fixtures that are broken on purpose fail to parse', async () => {
    const results = [
      ...(await lint(path.join(root, 'examples'), false, ['**/*.{js,mjs,cjs,ts}'])),
      ...(await lint(fixturesDir, false, ['**/*.{js,mjs,cjs,ts,tsx}'])),
    ];
    const { fatal, files } = summary(results);
    expect(fatal.map((line) => path.relative(root, line.split(':')[0]!)).sort()).toEqual([
      'tests/fixtures/libs/broken.js',
      'tests/fixtures/migrate-repo/handlers/broken.cjs',
    ]);
    expect(files).toBeGreaterThan(40);
  });
});
