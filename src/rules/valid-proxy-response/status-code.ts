import type { TSESLint } from '@typescript-eslint/utils';
import type { ResponseShape } from '../../analysis/shape.js';
import { INFERRED_RESPONSE_LOSES, KIND_NAMES } from '../../contract/proxy-contract.js';
import { fixOrSuggest } from '../../fixes/fix-or-suggest.js';
import { insertFirstProperty } from '../../fixes/insert-property.js';
import type { ResponseContext } from './context.js';

const NOT_A_STATUS = new Set(['boolean', 'object', 'array', 'null', 'buffer', 'function']);
const NUMERIC = /^\s*\d+\s*$/u;

/** `status-code`: a missing `statusCode` where it matters, and one that is not a number. */
export function checkStatusCode(response: ResponseContext, shape: ResponseShape): void {
  const statusCode = shape.properties.get('statusCode');
  if (!statusCode) {
    checkMissingStatusCode(response, shape);
    return;
  }
  const { integration, names, sourceCode, options } = response;
  for (const value of statusCode.values) {
    if (value.kind !== 'string' && !NOT_A_STATUS.has(value.kind)) continue;
    const node = response.locate(statusCode, value);
    if (value.kind === 'string') {
      const literal = value.node.type === 'Literal' && typeof value.node.value === 'string' ? value.node : undefined;
      if (literal && !NUMERIC.test(literal.value)) {
        response.report({ check: 'status-code', node, messageId: 'statusCodeNotNumeric', data: { ...names, what: `the string ${literal.raw}` } });
        continue;
      }
      if (value.reasonPhrase) {
        response.report({ check: 'status-code', node, messageId: 'statusCodeNotNumeric', data: { ...names, what: 'a reason phrase (`STATUS_CODES` maps a code to its text)' } });
        continue;
      }
      if (integration !== 'alb' && options.allowNumericStatusCodeStrings) continue;
      response.report({
        check: 'status-code',
        node,
        messageId: 'statusCodeString',
        data: {
          integration: names.integration,
          value: literal ? literal.raw : sourceCode.getText(value.node),
          consequence: integration === 'alb' ? names.answer : 'accepts it',
        },
        // The same number: every integration that accepts the string accepts the number.
        ...fixOrSuggest(
          'keeps-behaviour',
          literal && { messageId: 'statusCodeString', fix: (fixer) => fixer.replaceText(literal, String(Number(literal.value))) },
        ),
      });
    } else {
      response.report({ check: 'status-code', node, messageId: 'statusCodeNotNumeric', data: { ...names, what: KIND_NAMES[value.kind] } });
    }
  }
}

function checkMissingStatusCode(response: ResponseContext, shape: ResponseShape): void {
  if (!shape.complete) return;
  const { integration, names, sourceCode, at } = response;
  const object = shape.node;
  const addStatusCode = object && {
    messageId: 'addStatusCode' as const,
    fix: (fixer: TSESLint.RuleFixer) => insertFirstProperty(fixer, sourceCode, object, 'statusCode: 200'),
  };
  if (response.v2) {
    if (INFERRED_RESPONSE_LOSES.some((key) => shape.properties.has(key))) {
      // Without `statusCode` the whole object is sent as the body: always wrong as written.
      response.report({ check: 'status-code', node: at, messageId: 'missingStatusCodeV2', data: names, ...fixOrSuggest('fails-as-written', addStatusCode) });
    }
  } else if (integration === 'rest') {
    if (response.options.requireStatusCode) {
      // REST answers 200 without it: writing 200 keeps what the client gets.
      response.report({ check: 'status-code', node: at, messageId: 'missingStatusCodeRest', data: names, ...fixOrSuggest('keeps-behaviour', addStatusCode) });
    }
  } else {
    // HTTP API 1.0 and ALB refuse it, but which status the author means is theirs to say.
    response.report({ check: 'status-code', node: at, messageId: 'missingStatusCode', data: names, ...fixOrSuggest('chooses-for-the-author', addStatusCode) });
  }
}
