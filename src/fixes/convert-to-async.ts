import type { TSESLint } from '@typescript-eslint/utils';
import type { ConvertibleCall } from '../analysis/conversion.js';
import type { FunctionNode } from '../analysis/resolve.js';
import { addAsyncFix } from './add-async.js';
import { removeParameter } from './remove-parameter.js';
import { rewriteCompletion } from './rewrite-completion.js';

/**
 * Converts a callback-style handler to an async one, from a conversion plan that found every
 * completion call convertible: each call is rewritten as `return` or `throw`, `async` is added, and
 * the callback parameter goes.
 */
export function convertToAsyncFix(
  fn: FunctionNode,
  calls: readonly ConvertibleCall[],
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.ReportFixFunction {
  const edits = calls.map((call) => rewriteCompletion(call, sourceCode));
  const addAsync = addAsyncFix(fn, sourceCode);
  const dropCallback = fn.params.length === 3 ? removeParameter(fn, 2) : undefined;
  return (fixer) => {
    const fixes: TSESLint.RuleFix[] = edits.flatMap((edit) => edit(fixer));
    if (addAsync) fixes.push(addAsync(fixer));
    if (dropCallback) fixes.push(dropCallback(fixer));
    return fixes;
  };
}
