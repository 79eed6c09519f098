import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { analyzeFile } from '../analysis/analyze.js';
import { createRule } from '../util/create-rule.js';

type MessageIds = 'missingAwait' | 'removeAsync';

/** ESLint's own `require-await`, loaded when a file is linted: ESLint is a peer, absent under oxlint. */
let coreRule: TSESLint.RuleModule<MessageIds> | null | undefined;
function loadCoreRule(): TSESLint.RuleModule<MessageIds> | null {
  if (coreRule === undefined) {
    try {
      const { builtinRules } = createRequire(import.meta.url)('eslint/use-at-your-own-risk') as {
        builtinRules: ReadonlyMap<string, TSESLint.RuleModule<MessageIds>>;
      };
      coreRule = builtinRules.get('require-await') ?? null;
    } catch {
      coreRule = null;
    }
  }
  return coreRule;
}

export default createRule<[], MessageIds>({
  name: 'require-await',
  meta: {
    type: 'suggestion',
    docs: {
      description: "Disallow async functions without `await`, as ESLint's `require-await` does, except Lambda handlers",
      compat: true,
    },
    hasSuggestions: true,
    schema: [],
    // The core rule's messages, which its reports name.
    messages: {
      missingAwait: "{{name}} has no 'await' expression.",
      removeAsync: "Remove 'async'.",
    },
  },
  create(context) {
    const core = loadCoreRule();
    if (!core) return {};
    const handlers = new Set<unknown>(analyzeFile(context).handlers.map((handler) => handler.function));
    if (handlers.size === 0) return core.create(context);
    // The core rule's reports, less those on a handler: `require-async-handler` asks for its `async`.
    const filtered = Object.create(context, {
      report: {
        value: (descriptor: TSESLint.ReportDescriptor<MessageIds>) => {
          if ('node' in descriptor && handlers.has(descriptor.node)) return;
          context.report(descriptor);
        },
      },
    }) as typeof context;
    return core.create(filtered);
  },
});
