import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The text of an expression as an argument or operand: parenthesized when it is a sequence. */
export function operandText(sourceCode: SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  return node.type === 'SequenceExpression' ? `(${text})` : text;
}

/** The text of an expression where a member access follows it (`x.toString()`). */
export function memberObjectText(sourceCode: SourceCode, node: TSESTree.Node): string {
  const text = sourceCode.getText(node);
  const simple =
    node.type === 'Identifier' ||
    node.type === 'MemberExpression' ||
    node.type === 'CallExpression' ||
    node.type === 'ThisExpression' ||
    (node.type === 'Literal' && typeof node.value === 'string');
  return simple ? text : `(${text})`;
}
