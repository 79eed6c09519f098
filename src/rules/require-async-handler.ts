import type { LambdaHandler } from '../analysis/analyze.js';
import { classicRuntimeLabel } from '../analysis/runtime.js';
import type { ValueKind } from '../analysis/shape.js';
import { addAsyncFix } from '../fixes/add-async.js';
import { CONTRACT, KIND_NAMES, NULL_RESPONSE_OTHER_TRIGGER } from '../contract/proxy-contract.js';
import { createRule } from '../util/create-rule.js';
import { handlerHeadLocation } from '../util/handler-location.js';
import { onEachHandler } from '../util/handler-listener.js';

type MessageIds = 'returnsWithoutAsync' | 'returnsBesideCallback' | 'streamingNotAsync' | 'addAsync';

/** Kinds of returned values that are certainly not promises; `unknown` and nothing returned are not. */
const PLAIN_KINDS: ReadonlySet<ValueKind> = new Set(['object', 'array', 'string', 'number', 'boolean', 'buffer', 'function']);

/** What the caller makes of a `null` response. */
function nullConsequence(handler: LambdaHandler): string {
  return handler.trigger === 'http' ? CONTRACT[handler.integration].nullResponse : NULL_RESPONSE_OTHER_TRIGGER;
}

export default createRule<[], MessageIds>({
  name: 'require-async-handler',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require `async` on handlers that return their response',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      returnsWithoutAsync:
        'This handler returns {{value}} but is not async: on {{runtime}} the Lambda runtime ignores the returned value and answers `null` once the event loop is empty ({{consequence}}), or answers nothing until the function times out while a timer or socket stays open.',
      returnsBesideCallback:
        'This handler declares a callback and also returns {{value}}: on {{runtime}} the Lambda runtime ignores the returned value and answers with whatever the callback sends, or `null`.',
      streamingNotAsync:
        'A streaming handler must be async: the Lambda runtime refuses it with "Streaming does not support non-async handlers." on every Node.js version.',
      addAsync: 'Make the handler `async` (the returned promise and the callback then race; keep one of them).',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return onEachHandler(context, (handler) => {
      if (handler.isAsync || handler.function.generator) return;
      if (handler.wrapper === 'streaming') {
        report(handler, 'streamingNotAsync', {});
        return;
      }
      // A wrapper (`middy(fn)`, `handler(fn)`) is what the runtime calls, and it takes the function's
      // return value: middy awaits it (`@middy/core` 6, runRequest), whether a promise or not.
      if (handler.wrapper === 'call') return;
      // Nobody reads the answer of an SNS, S3 or scheduled function: a lost value loses nothing.
      if (!handler.runtime.classic || handler.answerIgnored) return;
      const returned = handler.returnedValues.find((value) => PLAIN_KINDS.has(value.kind));
      if (!returned) return;
      const data = {
        value: KIND_NAMES[returned.kind],
        runtime: classicRuntimeLabel(handler.runtime),
        consequence: nullConsequence(handler),
      };
      report(handler, handler.parameters.callback ? 'returnsBesideCallback' : 'returnsWithoutAsync', data);
    });

    function report(handler: LambdaHandler, messageId: MessageIds, data: Record<string, string>): void {
      const fix = addAsyncFix(handler.function, sourceCode);
      const loc = handlerHeadLocation(handler.function, sourceCode);
      if (messageId === 'returnsBesideCallback') {
        context.report({ loc, messageId, data, suggest: fix ? [{ messageId: 'addAsync', fix }] : [] });
      } else {
        context.report({ loc, messageId, data, fix });
      }
    }
  },
});
