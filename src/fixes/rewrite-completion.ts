import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { CompletionOutcome } from '../analysis/completions.js';
import type { ConvertibleCall } from '../analysis/conversion.js';
import { skipTypeWrappers } from '../analysis/resolve.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Rewrites one completion call as what it means in an async handler, where the conversion plan says
 * that keeps the control flow: `callback(null, x);` becomes `return x;`, `callback(error);` becomes
 * `throw error;` (with the bare `return;` after it, which goes), an arrow body `callback(null, x)`
 * becomes `x`.
 */
export function rewriteCompletion(
  plan: ConvertibleCall,
  sourceCode: SourceCode,
): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] {
  const { call } = plan.completion;
  const { outcome, placement } = plan;
  if (placement.kind === 'arrow-body') {
    return (fixer) => [
      'throws' in outcome
        ? fixer.replaceText(call, `{ ${outcomeStatement(outcome, sourceCode, ';')} }`)
        : fixer.replaceText(call, outcome.returns ? objectSafe(outcome.returns, sourceCode) : 'undefined'),
    ];
  }
  const { statement, following } = placement;
  const semicolon = sourceCode.getLastToken(statement)?.value === ';' ? ';' : '';
  const replacement = outcomeStatement(outcome, sourceCode, semicolon);
  return (fixer) => {
    const fixes = [fixer.replaceText(statement, replacement)];
    if (following) fixes.push(fixer.removeRange([statement.range[1], following.range[1]]));
    return fixes;
  };
}

/** `return x;`, `return;` or `throw error;` for an outcome, ending with `semicolon`. */
export function outcomeStatement(outcome: CompletionOutcome, sourceCode: SourceCode, semicolon: string): string {
  if ('throws' in outcome) return `throw ${sourceCode.getText(outcome.throws)}${semicolon}`;
  return outcome.returns ? `return ${sourceCode.getText(outcome.returns)}${semicolon}` : `return${semicolon}`;
}

/** A value written where an arrow's expression body goes: object literals need parentheses. */
function objectSafe(node: TSESTree.Node, sourceCode: SourceCode): string {
  const text = sourceCode.getText(node);
  return skipTypeWrappers(node).type === 'ObjectExpression' && !ASTUtils.isParenthesized(node, sourceCode) ? `(${text})` : text;
}
