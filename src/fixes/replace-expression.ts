import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * Replaces an expression with new text, parenthesized where an object literal would otherwise start
 * an arrow function's body (`=> { ... }` is a block, `=> ({ ... })` an object).
 */
export function replaceExpression(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  text: string,
): TSESLint.RuleFix {
  const arrowBody =
    node.parent?.type === 'ArrowFunctionExpression' &&
    node.parent.body === node &&
    !ASTUtils.isParenthesized(node, sourceCode);
  return fixer.replaceText(node, arrowBody && text.startsWith('{') ? `(${text})` : text);
}
