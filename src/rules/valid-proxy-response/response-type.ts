import type { TSESLint } from '@typescript-eslint/utils';
import { skipTypeWrappers } from '../../analysis/resolve.js';
import type { LambdaHandler } from '../../analysis/analyze.js';
import { hasProxyKeys, type ResponseShape, type ValueKind } from '../../analysis/shape.js';
import { CONTRACT, isPayloadV1, KIND_NAMES } from '../../contract/proxy-contract.js';
import { fixOrSuggest } from '../../fixes/fix-or-suggest.js';
import { replaceExpression } from '../../fixes/replace-expression.js';
import { handlerHeadLocation } from '../../util/handler-location.js';
import type { MessageIds, ResponseContext, ResponseReporter } from './context.js';
import { closestKey } from './keys.js';

const NOT_AN_OBJECT: ReadonlySet<ValueKind> = new Set(['string', 'number', 'boolean', 'array', 'buffer', 'null', 'undefined']);

/**
 * `response-type`, for the handler as a whole: an async handler that runs off its end on some path
 * answers `undefined` there. Returns whether any value can leave the handler at all.
 */
export function checkRunsOffTheEnd(
  handler: LambdaHandler,
  reporter: ResponseReporter,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  const some = handler.exits.length > 0;
  if (!handler.exits.every((exit) => exit.kind === 'return')) return true;
  const integration = handler.integration;
  reporter.report({
    check: 'response-type',
    node: handlerHeadLocation(handler.function, sourceCode),
    messageId: isPayloadV1(integration) ? (some ? 'noResponseOnSomePath' : 'noResponse') : 'noResponseV2',
    data: { integration: CONTRACT[integration].name, answer: CONTRACT[integration].malformed },
  });
  return some;
}

/**
 * `response-type`, for one value: `JSON.stringify(response)` and values that are not an object.
 * Returns whether the value is an object whose keys the other checks should read.
 */
export function checkResponseType(response: ResponseContext): response is ResponseContext & { value: { shape: ResponseShape } } {
  const { value, names, at, sourceCode } = response;
  const stringified = value.stringifies?.find((inner) => inner.shape && hasProxyKeys(inner.shape));
  if (stringified) {
    const call = value.node;
    const argument = call.type === 'CallExpression' && call.arguments.length === 1 ? call.arguments[0] : undefined;
    response.report({
      check: 'response-type',
      node: at,
      messageId: 'stringifiedResponse',
      data: {
        integration: names.integration,
        consequence: response.v2
          ? 'sends this JSON text as the body with status 200, so its `statusCode` and `headers` are lost'
          : names.answer,
      },
      // REST answers 502 for a string, and payload 2.0 loses the status and headers: always wrong.
      // With a replacer or an indent, unwrapping would not be the same call: no remedy.
      ...fixOrSuggest(
        'fails-as-written',
        argument && {
          messageId: 'stringify',
          fix: (fixer) => replaceExpression(fixer, sourceCode, call, sourceCode.getText(argument)),
        },
      ),
    });
    return false;
  }
  if (value.error && !value.fromType) {
    reportErrorAsResponse(response);
    return false;
  }
  if (NOT_AN_OBJECT.has(value.kind)) {
    if (!response.v2) {
      response.report({ check: 'response-type', node: at, messageId: 'notAnObject', data: { ...names, what: KIND_NAMES[value.kind] } });
    } else if (value.kind === 'null' || value.kind === 'undefined') {
      response.report({ check: 'response-type', node: at, messageId: 'notAnObjectV2', data: { ...names, what: KIND_NAMES[value.kind] } });
    }
    return false;
  }
  return value.kind === 'object' && value.shape !== undefined;
}

/**
 * `response-keys`: an object with none of the response keys (`{ Hello: 'World' }`) where payload 1.0
 * needs them. Returns whether the object is meant as a response, so the key checks apply.
 */
export function checkResponseKeys(response: ResponseContext, shape: ResponseShape): boolean {
  const keys = [...shape.properties.keys()];
  // `{}` is a response with every key left out: REST answers 200 with an empty body; the key checks
  // say what HTTP API 1.0 and ALB miss.
  if (keys.length === 0 && shape.complete) return true;
  if (hasProxyKeys(shape) || keys.some((key) => closestKey(key) !== undefined)) return true;
  if (response.v2 || !shape.complete) return false;
  const { value, sourceCode } = response;
  const object = value.node;
  response.report({
    check: 'response-keys',
    node: response.at,
    messageId: 'noProxyKeys',
    data: { ...response.names, key: keys[0]! },
    // The object may be meant as the body, or the author may have meant another response.
    ...fixOrSuggest('chooses-for-the-author', {
      messageId: 'wrapInResponse',
      fix: (fixer) =>
        replaceExpression(fixer, sourceCode, object, `{ statusCode: 200, body: JSON.stringify(${sourceCode.getText(object)}) }`),
    }),
  });
  return false;
}

/**
 * `catch (error) { return error; }`: an `Error` serializes to `{}`, so the failure reaches the client
 * as an empty success (REST, HTTP API 2.0, URLs) or as a malformed answer. Throwing it, or answering a
 * 5xx, are two different answers the author has to choose between.
 */
function reportErrorAsResponse(response: ResponseContext): void {
  const { exit, value, sourceCode, handler } = response;
  const errorText = sourceCode.getText(value.node);
  const messageText = value.node.type === 'Identifier' ? `${errorText}.message` : `'Internal server error'`;
  const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
  const written = exit.argument;
  if (written && skipTypeWrappers(written) === value.node) {
    const statement = exit.node;
    if (statement.type === 'ReturnStatement' && handler.isAsync) {
      suggest.push({ messageId: 'rethrowError', fix: (fixer) => fixer.replaceText(statement, `throw ${errorText};`) });
    }
    suggest.push({
      messageId: 'answerServerError',
      fix: (fixer) =>
        replaceExpression(fixer, sourceCode, written, `{ statusCode: 500, body: JSON.stringify({ message: ${messageText} }) }`),
    });
  }
  response.report({
    check: 'response-type',
    node: response.at,
    messageId: 'errorAsResponse',
    data: { integration: response.names.integration, outcome: response.contract.emptyObject },
    suggest,
  });
}
