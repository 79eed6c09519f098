import type { TSESLint } from '@typescript-eslint/utils';
import type { FunctionNode } from '../analysis/resolve.js';

/** Removes parameter `index` (not the first) with the comma before it. */
export function removeParameter(fn: FunctionNode, index: number): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
  const parameter = fn.params[index]!;
  const previous = fn.params[index - 1]!;
  return (fixer) => fixer.removeRange([previous.range[1], parameter.range[1]]);
}
