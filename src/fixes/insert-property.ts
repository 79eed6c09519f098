import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Fixer = TSESLint.RuleFixer;
type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Adds `name: value` as the first property of an object literal, on its own line when the object
 * spans several lines (with the indentation of the next property), inline otherwise.
 */
export function insertFirstProperty(
  fixer: Fixer,
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  text: string,
): TSESLint.RuleFix {
  const first = object.properties[0];
  if (!first) return fixer.replaceText(object, `{ ${text} }`);
  const openBrace = sourceCode.getFirstToken(object)!;
  if (openBrace.loc.end.line === first.loc.start.line) return fixer.insertTextBefore(first, `${text}, `);
  const indent = sourceCode.lines[first.loc.start.line - 1]!.slice(0, first.loc.start.column);
  return fixer.insertTextBefore(first, `${text},\n${indent}`);
}

/** Adds `name: value` right after a property of the same object literal. */
export function insertPropertyAfter(
  fixer: Fixer,
  sourceCode: SourceCode,
  property: TSESTree.Node,
  text: string,
): TSESLint.RuleFix {
  const next = sourceCode.getTokenAfter(property);
  const afterComma = next && next.value === ',' ? next : property;
  const multiline = property.parent && property.loc.start.line !== sourceCode.getFirstToken(property.parent)?.loc.start.line;
  if (!multiline) return fixer.insertTextAfter(afterComma, next?.value === ',' ? ` ${text},` : `, ${text}`);
  const indent = sourceCode.lines[property.loc.start.line - 1]!.slice(0, property.loc.start.column);
  return next?.value === ','
    ? fixer.insertTextAfter(afterComma, `\n${indent}${text},`)
    : fixer.insertTextAfter(property, `,\n${indent}${text}`);
}
