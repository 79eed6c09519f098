import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** Plain JavaScript with ESLint's own parser, as a project without TypeScript lints it. */
export const javascriptTester = new RuleTester({
  languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
});

/** TypeScript syntax without type information (no `projectService`). */
export const typescriptTester = new RuleTester();

/**
 * Typed linting through `projectService` on tests/fixtures, with `@types/aws-lambda`. Cases name
 * `file.ts` (the default) or `javascript.js` or `commonjs.cjs` (checked through `allowJs`).
 */
export const typedTester = new RuleTester({
  languageOptions: {
    parserOptions: {
      projectService: { allowDefaultProject: [] },
      tsconfigRootDir: fixturesDir,
    },
  },
});
