import type { TSESTree } from '@typescript-eslint/utils';
import type { LambdaHandler } from '../../analysis/analyze.js';
import type { ValueResolver } from '../../analysis/resolve.js';
import { skipTypeWrappers } from '../../analysis/resolve.js';
import type { ResolvedValue } from '../../analysis/shape.js';
import { CONTRACT } from '../../contract/proxy-contract.js';
import type { ResponseReporter } from './context.js';

/**
 * A handler behind a project wrapper that answers `{ statusCode, body: JSON.stringify(value) }`: any
 * JSON value is a valid return value, and the one thing to report is a value `JSON.stringify` cannot
 * serialize. A BigInt makes it throw a TypeError, so the invocation fails (the notes app's handler-lib
 * stringifies outside its `try`). A circular object does the same but is not seen here.
 */
export function checkStringifiedByWrapper(handler: LambdaHandler, resolver: ValueResolver, reporter: ResponseReporter): void {
  const contract = CONTRACT[handler.integration];
  for (const exit of handler.exits) {
    if (!exit.answers) continue;
    for (const value of exit.values) {
      const bigint = findBigInt(value, resolver);
      if (!bigint) continue;
      reporter.report({
        check: 'body',
        node: bigint,
        messageId: 'unserializableValue',
        data: { integration: contract.name, status: contract.functionError },
      });
    }
  }
}

/** A BigInt written in the value: `10n`, `BigInt(x)`, in a property of any depth. */
function findBigInt(value: ResolvedValue, resolver: ValueResolver): TSESTree.Node | undefined {
  if (value.fromType) return undefined;
  let found: TSESTree.Node | undefined;
  const look = (root: TSESTree.Node): void => {
    resolver.walk(root, (node) => {
      if (found) return;
      const inner = skipTypeWrappers(node);
      if (inner.type === 'Literal' && 'bigint' in inner) found = inner;
      else if (inner.type === 'CallExpression' && inner.callee.type === 'Identifier' && inner.callee.name === 'BigInt') found = inner;
    });
  };
  look(value.node);
  for (const property of value.shape?.properties.values() ?? []) {
    for (const each of property.values) {
      if (!found && !each.fromType && each.node !== value.node) look(each.node);
    }
  }
  return found;
}
