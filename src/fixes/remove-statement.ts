import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ownLinesRange } from './own-lines.js';

/** Removes a statement; with its indentation and line break when it stands alone on its lines. */
export function removeStatement(
  statement: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.ReportFixFunction {
  const range = ownLinesRange(sourceCode.text, statement.range[0], statement.range[1]) ?? statement.range;
  return (fixer) => fixer.removeRange(range);
}
