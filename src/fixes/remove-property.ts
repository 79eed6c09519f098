import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ownLinesRange } from './own-lines.js';

/** Removes a property from its object literal, with its comma; with its lines when it stands alone on them. */
export function removeProperty(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  property: TSESTree.Node,
): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(property);
  const end = after?.value === ',' ? after.range[1] : property.range[1];
  const lines = ownLinesRange(sourceCode.text, property.range[0], end);
  if (lines) return fixer.removeRange(lines);
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    return fixer.removeRange([property.range[0], next ? next.range[0] : after.range[1]]);
  }
  const before = sourceCode.getTokenBefore(property);
  return fixer.removeRange([before?.value === ',' ? before.range[0] : property.range[0], property.range[1]]);
}
