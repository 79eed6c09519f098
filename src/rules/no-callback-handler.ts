import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { LambdaHandler } from '../analysis/analyze.js';
import type { ValueResolver } from '../analysis/resolve.js';
import { parameterIdentifier } from '../analysis/responses.js';
import { type BlockedReason, parameterRemoval, planAsyncConversion } from '../fixes/callback-to-async.js';
import { createRule } from '../util/create-rule.js';
import { onEachHandler } from '../util/handler-listener.js';

type MessageIds = 'callbackHandler' | 'defaultCallback' | 'restCallback' | 'convertToAsync';

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
        'Node.js 24 and later refuse this handler at start-up (Runtime.CallbackHandlerDeprecated): a handler with a third parameter is a callback handler, async or not. {{advice}}',
      defaultCallback:
        'On Node.js 24 and later the runtime calls handlers with two arguments: `{{name}}` is always its default value, so the callback is never the runtime\'s and the response is `null`. {{advice}}',
      restCallback:
        'On Node.js 24 and later the runtime calls handlers with two arguments: `{{name}}[{{index}}]` is never the callback, and calling it throws a TypeError.',
      convertToAsync:
        'Convert to an async handler: `callback(null, x)` becomes `return x`, `callback(error)` becomes `throw error`.',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return onEachHandler(context, (handler, { resolver }) => {
      // Streaming handlers are exempt from the arity check; a wrapper decides what it passes on.
      if (!handler.runtime.modern || handler.wrapper !== 'none') return;
      const third = handler.function.params[2];
      if (third && third.type !== 'RestElement') {
        reportCallback(handler, third, resolver);
      } else {
        reportRestCallback(handler, resolver);
      }
    });

    function reportCallback(handler: LambdaHandler, parameter: TSESTree.Parameter, resolver: ValueResolver): void {
      const identifier = parameterIdentifier(parameter);
      const unused =
        identifier !== undefined &&
        resolver.variableOf(identifier)?.references.every((reference) => reference.identifier === identifier) === true;
      const plan = planAsyncConversion(handler, resolver, sourceCode);
      const advice = unused ? ADVICE.unused : plan.ok ? ADVICE.convertible : ADVICE[plan.reason];
      const fix =
        unused && handler.function.params.length === 3 ? parameterRemoval(handler.function, 2) : undefined;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
        !fix && plan.ok ? [{ messageId: 'convertToAsync', fix: plan.fix }] : [];
      const defaulted = parameter.type === 'AssignmentPattern';
      context.report({
        node: parameter,
        messageId: defaulted ? 'defaultCallback' : 'callbackHandler',
        data: { advice, name: identifier?.name ?? 'callback' },
        fix,
        suggest,
      });
    }

    /** `(event, ...args)` whose body reads `args[1]`: the slot where the callback was. */
    function reportRestCallback(handler: LambdaHandler, resolver: ValueResolver): void {
      const params = handler.function.params;
      const restIndex = params.findIndex((parameter) => parameter.type === 'RestElement');
      const rest = params[restIndex];
      if (rest?.type !== 'RestElement' || rest.argument.type !== 'Identifier') return;
      for (const reference of resolver.variableOf(rest.argument)?.references ?? []) {
        const member = reference.identifier.parent;
        if (
          member.type === 'MemberExpression' &&
          member.object === reference.identifier &&
          member.computed &&
          member.property.type === 'Literal' &&
          typeof member.property.value === 'number' &&
          restIndex + member.property.value >= 2
        ) {
          context.report({
            node: member,
            messageId: 'restCallback',
            data: { name: rest.argument.name, index: String(member.property.value) },
          });
        }
      }
    }
  },
});
