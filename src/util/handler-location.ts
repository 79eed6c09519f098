import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../analysis/resolve.js';

/**
 * Where a report about a whole handler goes: from its first token to the end of its head (the `=>`
 * of an arrow, the `(` of a function), so the squiggle sits on the signature, not the whole body.
 */
export function handlerHeadLocation(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.SourceLocation {
  const head = ASTUtils.getFunctionHeadLocation(fn, sourceCode);
  return { start: fn.loc.start, end: head.end };
}
