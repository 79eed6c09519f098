import type { TSESLint } from '@typescript-eslint/utils';

/** Every rule of the plugin, by name. Each file in this folder holds one rule. */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[]>> = {};
