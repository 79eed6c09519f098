// Lints the plugin's own code: typescript-eslint's strict type-checked rules and the ESLint plugin rules.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'examples/', 'tests/fixtures/', 'tests/.scratch/', 'tests/.tmp/', 'bench/project*/', 'bench/.scratch/'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // AST node types are compared as string literals, which TypeScript narrows exactly.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    extends: [eslintPlugin.configs.recommended],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Require|Disallow|Enforce|Report)' }],
      'eslint-plugin/require-meta-docs-url': 'off',
      // Reports take their fix or suggestions from `fixOrSuggest`, which this rule cannot follow.
      'eslint-plugin/require-meta-has-suggestions': 'off',
    },
  },
  {
    files: ['tests/rules/**/*.ts', 'tests/analysis/**/*.ts'],
    extends: [eslintPlugin.configs['tests-recommended']],
    settings: { 'eslint-plugin': { ruleTesterConstructors: ['PluginRuleTester'] } },
    rules: {
      'eslint-plugin/require-test-error-positions': 'error',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
