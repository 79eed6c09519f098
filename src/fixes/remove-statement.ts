import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Removes a statement; with the indentation before it and its line break when it stands alone on its lines. */
export function removeStatement(
  statement: TSESTree.Node,
  sourceCode: Readonly<TSESLint.SourceCode>,
): TSESLint.ReportFixFunction {
  const text = sourceCode.text;
  let start = statement.range[0];
  let end = statement.range[1];
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const alone = start === 0 || text[start - 1] === '\n';
  if (!alone) return (fixer) => fixer.removeRange(statement.range);
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  const range: [number, number] = [start, end];
  return (fixer) => fixer.removeRange(range);
}
