import type { TSESTree } from '@typescript-eslint/utils';
import { analyzeFile, type LambdaHandler } from '../analysis/analyze.js';
import { parameterIdentifier } from '../analysis/completions.js';
import type { BlockedReason } from '../analysis/conversion.js';
import { libraryHandlers } from '../analysis/libraries.js';
import { decideRuntime, deprecationNote } from '../analysis/runtime.js';
import { convertToAsyncFix } from '../fixes/convert-to-async.js';
import { fixOrSuggest } from '../fixes/fix-or-suggest.js';
import { removeParameter } from '../fixes/remove-parameter.js';
import { CONVERT_TO_ASYNC, CONVERT_TO_ASYNC_TEXT } from '../fixes/shared-suggestions.js';
import { createRule } from '../util/create-rule.js';
import { onEachHandler } from '../util/handler-listener.js';

type MessageIds = 'callbackHandler' | 'defaultCallback' | 'restCallback' | 'libraryCallbackHandler' | typeof CONVERT_TO_ASYNC;

const ADVICE: Readonly<Record<BlockedReason | 'unused' | 'convertible', string>> = {
  unused: 'The parameter is never used: remove it.',
  convertible: 'Make the handler async: return the response and throw errors instead of calling the callback.',
  escapes:
    'The callback is called from, or passed to, another function, so the code must move to promises first: `await` the AWS SDK v3 call, or wrap the callback API with `util.promisify`.',
  position:
    'Make the handler async, and return the response or throw the error where the callback is called now.',
  'unknown-error':
    'Make the handler async: `if (error) throw error; return result;` where the callback is called now.',
  try: 'Make the handler async, and return the response or throw the error where the callback is called now (a `throw` inside `try` runs the `catch`).',
};

export default createRule<[], MessageIds>({
  name: 'no-callback-handler',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow callback-style handlers, which Node.js 24 refuses at start-up',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      callbackHandler:
        '{{moving}}Node.js 24 and later refuse this handler at start-up (Runtime.CallbackHandlerDeprecated): a handler with a third parameter is a callback handler, async or not. {{advice}}',
      defaultCallback:
        '{{moving}}On Node.js 24 and later the runtime calls handlers with two arguments: `{{name}}` is always its default value, so the callback is never the runtime\'s and the response is `null`. {{advice}}',
      libraryCallbackHandler:
        '{{moving}}Node.js 24 and later refuse this handler at start-up (Runtime.CallbackHandlerDeprecated): {{package}} {{version}} makes a function of {{arity}} parameters, and the runtime takes any handler of three or more for a callback handler. {{advice}}',
      restCallback:
        'On Node.js 24 and later the runtime calls handlers with two arguments: `{{name}}[{{index}}]` is never the callback, and calling it throws a TypeError.',
      [CONVERT_TO_ASYNC]: CONVERT_TO_ASYNC_TEXT,
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    reportLibraryHandlers();
    return onEachHandler(context, (handler) => {
      // Streaming handlers are exempt from the arity check; a wrapper decides what it passes on.
      if (!handler.runtime.modern || handler.wrapper !== 'none') return;
      const third = handler.function.params[2];
      if (third && third.type !== 'RestElement') {
        reportCallback(handler, third);
      } else {
        reportRestCallback(handler);
      }
    });

    /** `export const handler = serverlessExpress({ app })` with a release that makes a 3-parameter function. */
    function reportLibraryHandlers(): void {
      const facts = analyzeFile(context).facts;
      const names = () => new Set([...facts.handlerNames(), ...facts.describedNames]);
      const found = libraryHandlers(sourceCode.ast, sourceCode.text, context.filename, names);
      if (found.length === 0 || facts.otherCloud) return;
      for (const made of found) {
        const described = facts.described.find((entry) => entry.exportName === made.exportName);
        const runtime = decideRuntime(facts.settings, described?.runtime);
        if (!runtime.modern) continue;
        context.report({
          node: made.node,
          messageId: 'libraryCallbackHandler',
          data: {
            moving: deprecationNote(runtime),
            package: made.package,
            version: made.version,
            arity: String(made.arity),
            advice: made.upgrade ? `Upgrade to ${made.upgrade} or later.` : 'No release fixes it yet: stay on nodejs22.x until one does.',
          },
        });
      }
    }

    function reportCallback(handler: LambdaHandler, parameter: TSESTree.Parameter): void {
      const unused = handler.completions.callbackUnused;
      const plan = handler.asyncConversion;
      const advice = unused ? ADVICE.unused : plan.ok ? ADVICE.convertible : ADVICE[plan.reason];
      const moving = deprecationNote(handler.runtime);
      const fn = handler.function;
      const remedy =
        unused && fn.params.length === 3
          ? fixOrSuggest('keeps-behaviour', { messageId: CONVERT_TO_ASYNC, fix: removeParameter(fn, 2) })
          : fixOrSuggest(
              'changes-control-flow',
              plan.ok ? { messageId: CONVERT_TO_ASYNC, fix: convertToAsyncFix(fn, plan.calls, sourceCode) } : undefined,
            );
      context.report({
        node: parameter,
        messageId: parameter.type === 'AssignmentPattern' ? 'defaultCallback' : 'callbackHandler',
        data: { moving, advice, name: parameterIdentifier(parameter)?.name ?? 'callback' },
        ...remedy,
      });
    }

    /** `(event, ...args)` whose body reads `args[1]`: the slot where the callback was. */
    function reportRestCallback(handler: LambdaHandler): void {
      for (const member of handler.completions.restSlotReads) {
        const rest = member.object as TSESTree.Identifier;
        const index = (member.property as TSESTree.NumberLiteral).value;
        context.report({ node: member, messageId: 'restCallback', data: { name: rest.name, index: String(index) } });
      }
    }
  },
});
