// The ESLint config the demo and the example tests lint examples/ with: the way a user would set it up,
// typed linting for TypeScript and JavaScript, and each folder's integration in settings.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';

export const examplesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/** @param {{ configs: { all: import('eslint').Linter.Config } }} plugin */
export function examplesConfig(plugin) {
  return [
    {
      files: ['**/*.{js,mjs,cjs,ts}'],
      ...plugin.configs.all,
      languageOptions: {
        parser: tsParser,
        parserOptions: { projectService: true, tsconfigRootDir: examplesDir },
      },
    },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    { files: ['rest/**'], settings: { 'aws-lambda': { integration: 'rest' } } },
    { files: ['http-v2/**'], settings: { 'aws-lambda': { integration: 'http-v2' } } },
    { files: ['alb/**'], settings: { 'aws-lambda': { integration: 'alb' } } },
  ];
}
