import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../analysis/resolve.js';

/**
 * Makes a function `async` by writing the keyword before its first token: `function`, an arrow's
 * parameters (`(`, a bare name, or `<` of a generic arrow) or a method's key. Comments stay where they
 * are because nothing but the keyword is written. Undefined for generators and accessors, where
 * `async` would change what the function is.
 */
export function addAsyncFix(
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  if (fn.async || fn.generator) return undefined;
  const parent = fn.parent;
  let start: TSESTree.Node | TSESTree.Token | null = fn;
  if (
    (parent.type === 'Property' || parent.type === 'MethodDefinition') &&
    parent.value === fn &&
    (parent.type === 'Property' ? parent.method : true)
  ) {
    if (parent.kind !== 'init' && parent.kind !== 'method') return undefined;
    // `static` and other modifiers stay before `async`: insert right before the key.
    start = parent.computed ? sourceCode.getTokenBefore(parent.key) : parent.key;
  } else {
    start = sourceCode.getFirstToken(fn);
  }
  if (!start) return undefined;
  const at = start;
  return (fixer) => fixer.insertTextBefore(at, 'async ');
}
