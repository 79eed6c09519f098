import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import type { ResolvedValue, ResponseShape, ShapeProperty } from '../../analysis/shape.js';
import { isPayloadV1, KIND_NAMES } from '../../contract/proxy-contract.js';
import { fixOrSuggest, type Remedy } from '../../fixes/fix-or-suggest.js';
import { operandText } from '../../fixes/expression-text.js';
import { insertFirstProperty, insertPropertyAfter } from '../../fixes/insert-property.js';
import { removeProperty } from '../../fixes/remove-property.js';
import { replacePropertyValue } from '../../fixes/replace-property-value.js';
import { reportAlbNull } from './body.js';
import { fixTarget, type MessageIds, type ResponseContext } from './context.js';

const NOT_A_HEADER_MAP = new Set(['array', 'string', 'number', 'boolean']);
const NEVER_A_HEADER_VALUE = new Set(['object', 'null', 'buffer', 'function']);
const NOT_A_VALUE_LIST = new Set(['string', 'number', 'boolean', 'object', 'null']);

/** `headers`: with multi-value headers on, ALB reads only `multiValueHeaders`; with them off, only `headers`. */
export function checkAlbHeadersField(response: ResponseContext, shape: ResponseShape): void {
  const { handler } = response;
  const multi = handler.albMultiValueHeaders;
  if (multi === undefined || handler.integration !== 'alb') return;
  const [expected, used] = multi ? ['multiValueHeaders', 'headers'] : ['headers', 'multiValueHeaders'];
  const wrong = shape.properties.get(used);
  // An optional `headers?` counts: with or without it, a response without the field ALB reads fails.
  if (!wrong || shape.properties.has(expected)) return;
  response.report({
    check: 'headers',
    node: wrong.key ?? response.at,
    messageId: 'albHeadersField',
    data: {
      ...response.names,
      setting: multi ? 'on' : 'off',
      descriptor: path.basename(handler.described?.descriptor ?? ''),
      expected,
      used,
    },
  });
}

/**
 * `headers`: ALB answers 502 for a response with neither `headers` nor `multiValueHeaders` (its docs
 * say the response must include them). Which headers to send is the author's to say: a suggestion.
 */
export function checkAlbHeadersPresent(response: ResponseContext, shape: ResponseShape): void {
  if (response.integration !== 'alb' || !shape.complete) return;
  if (shape.properties.has('headers') || shape.properties.has('multiValueHeaders')) return;
  const field = response.handler.albMultiValueHeaders ? 'multiValueHeaders' : 'headers';
  const object = shape.node;
  const statusCode = shape.properties.get('statusCode')?.definition;
  const { sourceCode } = response;
  response.report({
    check: 'headers',
    node: response.at,
    messageId: 'albNoHeaders',
    data: { ...response.names, field },
    ...fixOrSuggest(
      'chooses-for-the-author',
      object && {
        messageId: 'addHeaders',
        data: { field },
        fix: (fixer) =>
          statusCode?.type === 'Property' && statusCode.parent === object
            ? insertPropertyAfter(fixer, sourceCode, statusCode, `${field}: {}`)
            : insertFirstProperty(fixer, sourceCode, object, `${field}: {}`),
      },
    ),
  });
}

/** `headers`: not an object, and header values that are not strings. */
export function checkHeaders(response: ResponseContext, shape: ResponseShape): void {
  const headers = shape.properties.get('headers');
  if (!headers) return;
  for (const value of headers.values) {
    const node = response.locate(headers, value);
    if (value.kind === 'null' && response.integration === 'alb') {
      reportAlbNull(response, 'headers', headers, node, '{}');
      continue;
    }
    if (NOT_A_HEADER_MAP.has(value.kind)) {
      response.report({ check: 'headers', node, messageId: 'headersNotObject', data: { ...response.names, what: KIND_NAMES[value.kind] } });
      continue;
    }
    for (const header of value.shape?.properties.values() ?? []) {
      for (const headerValue of header.values) checkHeaderValue(response, shape, headers, header, headerValue);
    }
  }
}

function checkHeaderValue(
  response: ResponseContext,
  shape: ResponseShape,
  headers: ShapeProperty,
  header: ShapeProperty,
  value: ResolvedValue,
): void {
  const { integration, sourceCode } = response;
  // A string, or a value the file does not show: nothing to report, so nothing more to work out.
  if (value.kind !== 'array' && !NEVER_A_HEADER_VALUE.has(value.kind) && !(integration === 'alb' && (value.kind === 'number' || value.kind === 'boolean'))) {
    return;
  }
  const node = response.locate(header, value);
  const data = { ...response.names, name: header.name, what: KIND_NAMES[value.kind] };
  if (value.kind === 'array') {
    const setCookie = header.name.toLowerCase() === 'set-cookie';
    response.report({
      check: 'headers',
      node,
      messageId: 'headerArray',
      data: {
        ...data,
        hint: response.v2
          ? setCookie
            ? '; cookies go in `cookies`'
            : '; join several values with commas'
          : '; several values go in `multiValueHeaders`',
      },
      // Moving the header changes which field the integration reads it from.
      ...fixOrSuggest('chooses-for-the-author', moveHeaderRemedy(response, shape, headers, header)),
    });
  } else if (NEVER_A_HEADER_VALUE.has(value.kind)) {
    response.report({ check: 'headers', node, messageId: 'headerNotString', data });
  } else if (integration === 'alb' && (value.kind === 'number' || value.kind === 'boolean')) {
    const target = fixTarget(header, value);
    response.report({
      check: 'headers',
      node,
      messageId: 'headerNotString',
      data,
      // ALB answers 502 for it; the same text as a string is what other integrations send.
      ...fixOrSuggest(
        'fails-as-written',
        target && {
          messageId: 'headerNotString',
          fix: (fixer) =>
            replacePropertyValue(
              fixer,
              sourceCode,
              header.definition,
              target,
              target.type === 'Literal' ? `'${String(target.value)}'` : `String(${operandText(sourceCode, target)})`,
            ),
        },
      ),
    });
  }
}

function moveHeaderRemedy(
  response: ResponseContext,
  shape: ResponseShape,
  headers: ShapeProperty,
  header: ShapeProperty,
): Remedy<MessageIds> | undefined {
  const entry = header.definition;
  const headersProperty = headers.definition;
  if (
    entry?.type !== 'Property' ||
    headersProperty?.type !== 'Property' ||
    headersProperty.parent !== shape.node ||
    entry.parent !== headersProperty.value
  ) {
    return undefined;
  }
  const { sourceCode } = response;
  const valueText = sourceCode.getText(entry.value);
  if (response.v2) {
    if (header.name.toLowerCase() !== 'set-cookie' || shape.properties.has('cookies')) return undefined;
    return {
      messageId: 'moveToCookies',
      fix: (fixer) => [
        removeProperty(fixer, sourceCode, entry),
        insertPropertyAfter(fixer, sourceCode, headersProperty, `cookies: ${valueText}`),
      ],
    };
  }
  const keyText = sourceCode.getText(entry.key);
  const existing = shape.properties.get('multiValueHeaders')?.value;
  if (shape.properties.has('multiValueHeaders') && existing?.type !== 'ObjectExpression') return undefined;
  return {
    messageId: 'moveToMultiValueHeaders',
    data: { name: header.name },
    fix: (fixer: TSESLint.RuleFixer) => [
      removeProperty(fixer, sourceCode, entry),
      existing?.type === 'ObjectExpression'
        ? insertFirstProperty(fixer, sourceCode, existing, `${keyText}: ${valueText}`)
        : insertPropertyAfter(fixer, sourceCode, headersProperty, `multiValueHeaders: { ${keyText}: ${valueText} }`),
    ],
  };
}

/** `multi-value-headers`: ignored by payload 2.0; on 1.0 and ALB each value must be an array. */
export function checkMultiValueHeaders(response: ResponseContext, shape: ResponseShape): void {
  const multi = shape.properties.get('multiValueHeaders');
  if (!multi) return;
  if (!isPayloadV1(response.integration)) {
    // `APIGatewayProxyResult` declares `multiValueHeaders?`: a value of it need not have the key.
    if (multi.optional) return;
    response.report({ check: 'multi-value-headers', node: multi.key ?? response.at, messageId: 'multiValueIgnored', data: response.names });
    return;
  }
  const { sourceCode } = response;
  for (const value of multi.values) {
    for (const header of value.shape?.properties.values() ?? []) {
      for (const headerValue of header.values) {
        if (!NOT_A_VALUE_LIST.has(headerValue.kind)) continue;
        const target = fixTarget(header, headerValue);
        response.report({
          check: 'multi-value-headers',
          node: response.locate(header, headerValue),
          messageId: 'multiValueNotArray',
          data: { ...response.names, name: header.name, what: KIND_NAMES[headerValue.kind] },
          // A list of the one value is what was meant, and the code as written answers 502.
          ...fixOrSuggest(
            'fails-as-written',
            target && headerValue.kind !== 'object' && headerValue.kind !== 'null'
              ? { messageId: 'multiValueNotArray', fix: (fixer) => replacePropertyValue(fixer, sourceCode, header.definition, target, `[${operandText(sourceCode, target)}]`) }
              : undefined,
          ),
        });
      }
    }
  }
}
