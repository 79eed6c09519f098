import { ESLintUtils } from '@typescript-eslint/utils';
import { analyzeFile } from '../../src/analysis/analyze.js';
import type { ResolvedValue } from '../../src/analysis/shape.js';

/** Describes a value the way the analysis sees it: `object{body:string,statusCode:number}`. */
export function describeValue(value: ResolvedValue): string {
  const typed = value.fromType ? '~' : '';
  if (value.stringifies) return `${typed}json(${value.stringifies.map(describeValue).join('|')})`;
  if (value.kind === 'promise' && value.settled) return `${typed}promise(${value.settled.map(describeValue).join('|')})`;
  if (!value.shape) return `${typed}${value.kind}`;
  const keys = [...value.shape.properties.values()]
    .map((property) => `${property.name}:${property.kind}`)
    .sort()
    .join(',');
  return `${typed}object{${keys}${value.shape.complete ? '' : ',...'}}`;
}

/** A test-only rule that reports what the shared analysis found, so that tests can compare it exactly. */
export const dumpRule = ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'problem',
    messages: { said: '{{text}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const handler of analyzeFile(context).handlers) {
          const runtime = [handler.runtime.classic && 'classic', handler.runtime.modern && 'modern']
            .filter(Boolean)
            .join('+');
          context.report({
            node: handler.function,
            messageId: 'said',
            data: {
              text: `${handler.exportName}: ${handler.trigger} ${handler.integration}(${handler.integrationSource}) ${runtime} ${handler.wrapper}${handler.wrapper === 'call' ? `(${handler.responseBuilder})` : ''}`,
            },
          });
          for (const exit of handler.exits) {
            context.report({
              node: exit.node,
              messageId: 'said',
              data: { text: `${exit.kind}: ${exit.values.map(describeValue).join(' | ')}` },
            });
          }
        }
      },
    };
  },
});
