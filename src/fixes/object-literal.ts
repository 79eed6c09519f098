import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

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

/** Removes a property from its object literal, with its comma. */
export function removeProperty(fixer: Fixer, sourceCode: SourceCode, property: TSESTree.Node): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(property);
  // A property on lines of its own goes with those lines.
  const text = sourceCode.text;
  const end = after?.value === ',' ? after.range[1] : property.range[1];
  let lineStart = property.range[0];
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  const restOfLine = /^[ \t]*\r?\n/u.exec(text.slice(end));
  if ((lineStart === 0 || text[lineStart - 1] === '\n') && restOfLine) {
    return fixer.removeRange([lineStart, end + restOfLine[0].length]);
  }
  if (after?.value === ',') {
    const next = sourceCode.getTokenAfter(after, { includeComments: true });
    return fixer.removeRange([property.range[0], next ? next.range[0] : after.range[1]]);
  }
  const before = sourceCode.getTokenBefore(property);
  return fixer.removeRange([before?.value === ',' ? before.range[0] : property.range[0], property.range[1]]);
}

/** Writes a key under a new name, keeping how it was written: `Body` → `body`, `'Body'` → `'body'`. */
export function renameKey(
  fixer: Fixer,
  sourceCode: SourceCode,
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

/**
 * Replaces an expression with new text, parenthesized where an object literal would otherwise start
 * an arrow function's body (`=> { ... }` is a block, `=> ({ ... })` an object).
 */
export function replaceExpression(
  fixer: Fixer,
  sourceCode: SourceCode,
  node: TSESTree.Node,
  text: string,
): TSESLint.RuleFix {
  const arrowBody =
    node.parent?.type === 'ArrowFunctionExpression' &&
    node.parent.body === node &&
    !ASTUtils.isParenthesized(node, sourceCode);
  return fixer.replaceText(node, arrowBody && text.startsWith('{') ? `(${text})` : text);
}
