import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * Replaces a value written in a property with new text. A shorthand property (`{ body }`) has no
 * value of its own to replace: it is written out as `body: <text>`, or the object would not parse.
 */
export function replacePropertyValue(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  definition: TSESTree.Node | undefined,
  target: TSESTree.Node,
  text: string,
): TSESLint.RuleFix {
  if (definition?.type === 'Property' && definition.shorthand && definition.value === target) {
    return fixer.replaceText(definition, `${sourceCode.getText(definition.key)}: ${text}`);
  }
  return fixer.replaceText(target, text);
}
