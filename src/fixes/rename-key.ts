import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Writes a key under a new name, keeping how it was written: `Body` → `body`, `'Body'` → `'body'`. */
export function renameKey(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  key: TSESTree.Node,
  definition: TSESTree.Node | undefined,
  name: string,
): TSESLint.RuleFix {
  if (definition?.type === 'Property' && definition.shorthand) {
    return fixer.replaceText(definition, `${name}: ${sourceCode.getText(definition.value)}`);
  }
  if (key.type === 'Literal' && typeof key.value === 'string') {
    const quote = key.raw.startsWith('"') ? '"' : "'";
    return fixer.replaceText(key, `${quote}${name}${quote}`);
  }
  return fixer.replaceText(key, name);
}
