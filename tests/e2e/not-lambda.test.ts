import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';

const dir = path.join(fixturesDir, 'not-lambda');
const FILES = [
  'component.tsx',
  'express-app.js',
  'unexported.mjs',
  'next-api-route.ts',
  'signals.ts',
  'sqs-handler.ts',
  'direct-invoke.mjs',
  'utilities.ts',
];

function eslint(typed: boolean, settings: Record<string, unknown> = {}): ESLint {
  return new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,mjs,ts,tsx}'],
        ...plugin.configs.all,
        settings: { 'aws-lambda': settings },
        languageOptions: {
          parser: tsParser,
          parserOptions: typed
            ? { projectService: true, tsconfigRootDir: dir }
            : { ecmaFeatures: { jsx: true } },
        },
      },
      { files: ['express-app.js'], languageOptions: { sourceType: 'commonjs' } },
    ],
  });
}

// Code that is not a Lambda handler, or a handler whose trigger is not HTTP: no rule reports anything.
describe('no reports on code that is not an HTTP Lambda handler', () => {
  // With the integration set, every handler without other evidence is an HTTP one: the direct-invoke
  // handler is left out there, as the user said that the handlers in these files answer API Gateway.
  const notDirect = FILES.filter((file) => file !== 'direct-invoke.mjs');
  it.each([
    ['without type information', false, {}, FILES],
    ['with type information', true, {}, FILES],
    ['with a runtime and an integration set', true, { runtime: 'nodejs22.x', integration: 'rest' }, notDirect],
  ])('%s', async (_name, typed, settings, files) => {
    const results = await eslint(typed, settings).lintFiles(files);
    expect(results.map((result) => path.basename(result.filePath)).sort()).toEqual([...files].sort());
    expect(results.flatMap((result) => result.messages)).toEqual([]);
  });
});
