import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ResponseShape, ShapeProperty, ValueKind } from '../../analysis/shape.js';
import { KIND_NAMES } from '../../contract/proxy-contract.js';
import { fixOrSuggest } from '../../fixes/fix-or-suggest.js';
import { memberObjectText, operandText } from '../../fixes/expression-text.js';
import { insertPropertyAfter } from '../../fixes/insert-property.js';
import { replacePropertyValue } from '../../fixes/replace-property-value.js';
import { fixTarget, type ResponseContext } from './context.js';

const NOT_STRING_BODY: ReadonlySet<ValueKind> = new Set(['object', 'array', 'buffer', 'promise', 'function']);

/** `body`: a value that is not a string, and ALB's `body: null`. */
export function checkBody(response: ResponseContext, shape: ResponseShape): void {
  const body = shape.properties.get('body');
  if (!body) return;
  const { sourceCode } = response;
  for (const written of body.values) {
    // `body: event` or `body: event.headers`: the file shows no value, but the event is an object.
    if (written.kind === 'string') continue;
    const value = written.kind === 'unknown' && response.handler.isEventObject(written.node) ? { ...written, kind: 'object' as const } : written;
    if (value.kind === 'null' && response.integration === 'alb') {
      reportAlbNull(response, 'body', body, response.locate(body, value), "''");
      continue;
    }
    if (!NOT_STRING_BODY.has(value.kind)) continue;
    const node = response.locate(body, value);
    const data = { ...response.names, what: value.parsedJson ? 'parsed JSON' : KIND_NAMES[value.kind] };
    const target = fixTarget(body, value);
    const stringify = target && {
      messageId: 'stringify' as const,
      fix: (fixer: TSESLint.RuleFixer) =>
        replacePropertyValue(fixer, sourceCode, body.definition, target, `JSON.stringify(${operandText(sourceCode, target)})`),
    };
    if (value.parsedJson) {
      // Parsed JSON may itself be a string, which JSON.stringify would quote.
      response.report({ check: 'body', node, messageId: 'bodyNotString', data, ...fixOrSuggest('value-uncertain', stringify) });
    } else if (value.error) {
      // An Error serializes to `{}`: stringifying it sends nothing of the error.
      response.report({ check: 'body', node, messageId: 'bodyNotString', data });
    } else if (value.kind === 'object' || value.kind === 'array') {
      response.report({ check: 'body', node, messageId: 'bodyNotString', data, ...fixOrSuggest('fails-as-written', stringify) });
    } else if (value.kind === 'buffer') {
      // Base64 with the flag is one way to send bytes; the author may want text instead.
      response.report({ check: 'body', node, messageId: 'bodyNotString', data, ...fixOrSuggest('chooses-for-the-author', base64Remedy(response, shape, body, target)) });
    } else if (value.kind === 'promise' && response.handler.isAsync && target) {
      // What the promise settles with may already be a string.
      response.report({
        check: 'body',
        node,
        messageId: 'bodyNotString',
        data,
        ...fixOrSuggest('value-uncertain', {
          messageId: 'awaitAndStringify',
          fix: (fixer) =>
            replacePropertyValue(fixer, sourceCode, body.definition, target, `JSON.stringify(await ${operandText(sourceCode, target)})`),
        }),
      });
    } else {
      response.report({ check: 'body', node, messageId: 'bodyNotString', data });
    }
  }
}

/** ALB answers 502 for `body: null` and `headers: null`; an empty value means the same and is taken. */
export function reportAlbNull(
  response: ResponseContext,
  check: 'body' | 'headers',
  property: ShapeProperty,
  node: TSESTree.Node,
  replacement: string,
): void {
  const written = property.value;
  response.report({
    check,
    node,
    messageId: 'nullField',
    data: { ...response.names, key: property.name },
    ...fixOrSuggest(
      'fails-as-written',
      written && {
        messageId: 'nullField',
        fix: (fixer) => replacePropertyValue(fixer, response.sourceCode, property.definition, written, replacement),
      },
    ),
  });
}

function base64Remedy(
  response: ResponseContext,
  shape: ResponseShape,
  body: ShapeProperty,
  target: TSESTree.Node | undefined,
): { messageId: 'encodeBase64'; fix: TSESLint.ReportFixFunction } | undefined {
  const definition = body.definition;
  if (!target || definition?.type !== 'Property' || definition.parent !== shape.node) return undefined;
  const { sourceCode } = response;
  const flag = shape.properties.get('isBase64Encoded');
  return {
    messageId: 'encodeBase64',
    fix: (fixer) => {
      const fixes = [replacePropertyValue(fixer, sourceCode, definition, target, `${memberObjectText(sourceCode, target)}.toString('base64')`)];
      if (flag?.value && flag.definition?.type === 'Property' && flag.definition.parent === shape.node) {
        fixes.push(fixer.replaceText(flag.value, 'true'));
      } else if (!flag) {
        fixes.push(insertPropertyAfter(fixer, sourceCode, definition, 'isBase64Encoded: true'));
      }
      return fixes;
    },
  };
}
