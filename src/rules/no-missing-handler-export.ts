import path from 'node:path';
import { analyzeFile } from '../analysis/analyze.js';
import { moduleExports } from '../analysis/exports.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'missingExport';

export default createRule<[], MessageIds>({
  name: 'no-missing-handler-export',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow handler strings in a deployment descriptor that name an export the module does not have',
      recommended: 'recommended',
    },
    schema: [],
    messages: {
      missingExport:
        '{{descriptor}} names `{{name}}` of this module as a handler, but the module does not export it{{exported}}: Lambda answers every invocation with Runtime.HandlerNotFound.',
    },
  },
  create(context) {
    const analysis = analyzeFile(context);
    // The descriptors are looked up for modules that export something; this rule adds no lookup.
    const described = analysis.facts.describedIfLooked;
    if (!described || described.length === 0) return {};
    return {
      'Program:exit'(program) {
        const exports = moduleExports(program);
        if (!exports.complete) return;
        const reported = new Set<string>();
        for (const entry of described) {
          if (exports.names.has(entry.exportName) || reported.has(entry.exportName)) continue;
          reported.add(entry.exportName);
          const names = [...exports.names];
          context.report({
            loc: { start: { line: 1, column: 0 }, end: { line: 1, column: context.sourceCode.lines[0]?.length ?? 0 } },
            messageId: 'missingExport',
            data: {
              descriptor: path.basename(entry.descriptor),
              name: entry.exportName,
              exported: names.length === 0 ? '' : ` (it exports ${names.map((name) => `\`${name}\``).join(', ')})`,
            },
          });
        }
      },
    };
  },
});
