import type { ResponseShape } from '../../analysis/shape.js';
import { KIND_NAMES } from '../../contract/proxy-contract.js';
import { fixOrSuggest } from '../../fixes/fix-or-suggest.js';
import type { ResponseContext } from './context.js';

const NOT_A_COOKIE_LIST = new Set(['string', 'number', 'boolean', 'object', 'null']);

/** `is-base64-encoded`: a flag that is not a boolean. */
export function checkBase64(response: ResponseContext, shape: ResponseShape): void {
  const flag = shape.properties.get('isBase64Encoded');
  if (!flag) return;
  for (const value of flag.values) {
    if (value.kind === 'boolean' || value.kind === 'unknown' || value.kind === 'undefined') continue;
    const literal =
      value.node.type === 'Literal' && (value.node.value === 'true' || value.node.value === 'false') ? value.node : undefined;
    response.report({
      check: 'is-base64-encoded',
      node: response.locate(flag, value),
      messageId: 'base64NotBoolean',
      data: { what: literal ? `the string ${literal.raw}` : KIND_NAMES[value.kind] },
      // Where the string is taken, it is read as the boolean it spells.
      ...fixOrSuggest(
        'keeps-behaviour',
        literal && { messageId: 'base64NotBoolean', fix: (fixer) => fixer.replaceText(literal, literal.value) },
      ),
    });
  }
}

/** `cookies` (payload 2.0): not an array of strings. */
export function checkCookies(response: ResponseContext, shape: ResponseShape): void {
  if (!response.v2) return;
  const cookies = shape.properties.get('cookies');
  if (!cookies) return;
  for (const value of cookies.values) {
    if (value.kind === 'array' && value.node.type === 'ArrayExpression') {
      const bad = value.node.elements.find(
        (element) =>
          element?.type === 'ObjectExpression' ||
          element?.type === 'ArrayExpression' ||
          (element?.type === 'Literal' && typeof element.value !== 'string'),
      );
      if (bad) {
        response.report({ check: 'cookies', node: bad, messageId: 'cookiesNotStrings', data: { ...response.names, what: 'an array with other values' } });
      }
    } else if (NOT_A_COOKIE_LIST.has(value.kind)) {
      response.report({
        check: 'cookies',
        node: response.locate(cookies, value),
        messageId: 'cookiesNotStrings',
        data: { ...response.names, what: KIND_NAMES[value.kind] },
      });
    }
  }
}
