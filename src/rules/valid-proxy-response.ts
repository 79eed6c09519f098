import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { analyzeFile, type LambdaHandler } from '../analysis/analyze.js';
import { FallThroughTracker } from '../analysis/code-paths.js';
import { skipTypeWrappers } from '../analysis/resolve.js';
import { type HandlerExit, isNoError } from '../analysis/responses.js';
import {
  hasProxyKeys,
  type ResolvedValue,
  type ResponseShape,
  type ShapeProperty,
  type ValueKind,
} from '../analysis/shape.js';
import {
  insertFirstProperty,
  insertPropertyAfter,
  memberObjectText,
  operandText,
  removeProperty,
  renameKey,
  replaceExpression,
} from '../fixes/object-literal.js';
import {
  CONTRACT,
  INFERRED_RESPONSE_LOSES,
  type Integration,
  isPayloadV1,
  KIND_NAMES,
  REST_RESPONSE_KEYS,
} from '../contract/proxy-contract.js';
import { createRule } from '../util/create-rule.js';
import { handlerHeadLocation } from '../util/handler-location.js';
import { onEachHandler } from '../util/handler-listener.js';

export const CHECKS = [
  'response-type',
  'response-keys',
  'unknown-keys',
  'status-code',
  'body',
  'headers',
  'multi-value-headers',
  'is-base64-encoded',
  'cookies',
] as const;
type Check = (typeof CHECKS)[number];

export interface Options {
  requireStatusCode?: boolean;
  allowNumericStatusCodeStrings?: boolean;
  checks?: Partial<Record<Check, boolean>>;
}

type MessageIds =
  | 'notAnObject'
  | 'notAnObjectV2'
  | 'stringifiedResponse'
  | 'noResponse'
  | 'noResponseOnSomePath'
  | 'noResponseV2'
  | 'noProxyKeys'
  | 'unknownKey'
  | 'misspelledKey'
  | 'missingStatusCode'
  | 'missingStatusCodeV2'
  | 'missingStatusCodeRest'
  | 'statusCodeNotNumeric'
  | 'statusCodeString'
  | 'bodyNotString'
  | 'headersNotObject'
  | 'headerArray'
  | 'headerNotString'
  | 'nullField'
  | 'multiValueNotArray'
  | 'multiValueIgnored'
  | 'base64NotBoolean'
  | 'cookiesNotStrings'
  | 'albHeadersField'
  | 'wrapInResponse'
  | 'addStatusCode'
  | 'encodeBase64'
  | 'awaitAndStringify'
  | 'stringify'
  | 'moveToMultiValueHeaders'
  | 'moveToCookies';

const NOT_STRING_BODY: ReadonlySet<ValueKind> = new Set(['object', 'array', 'buffer', 'promise', 'function']);
const NOT_AN_OBJECT: ReadonlySet<ValueKind> = new Set(['string', 'number', 'boolean', 'array', 'buffer', 'null', 'undefined']);

export default createRule<[Options], MessageIds>({
  name: 'valid-proxy-response',
  meta: {
    type: 'problem',
    docs: {
      description: 'Report responses that API Gateway, Function URLs or the load balancer refuse or mangle',
      recommended: 'recommended',
      strictOptions: [{ requireStatusCode: true, allowNumericStatusCodeStrings: false }],
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          requireStatusCode: {
            type: 'boolean',
            description:
              'Report a REST API response without `statusCode` (API Gateway answers 200 for it). On in `strict`.',
          },
          allowNumericStatusCodeStrings: {
            type: 'boolean',
            description:
              'Allow `statusCode: "200"`, which REST APIs and Function URLs accept but the types do not. Off in `strict`.',
          },
          checks: {
            type: 'object',
            description: 'Turns single checks off (`false`) without turning the rule off.',
            additionalProperties: false,
            properties: Object.fromEntries(
              CHECKS.map((check) => [check, { type: 'boolean', description: `The \`${check}\` check.` }]),
            ),
          },
        },
      },
    ],
    defaultOptions: [{ requireStatusCode: false, allowNumericStatusCodeStrings: true, checks: {} }],
    messages: {
      notAnObject:
        '{{integration}} {{answer}}: the response must be an object with `statusCode` and `body`, not {{what}}.',
      notAnObjectV2:
        '{{integration}} sends the text `null` with status 200: the handler answers {{what}} instead of a response object.',
      stringifiedResponse:
        '{{integration}} {{consequence}}: this response is passed through `JSON.stringify`; answer the object itself.',
      noResponse: '{{integration}} {{answer}}: this handler never returns a response, so the response is `null`.',
      noResponseOnSomePath:
        '{{integration}} {{answer}}: on some path this handler ends without returning a response, so the response is `null`.',
      noResponseV2:
        '{{integration}} sends the text `null` with status 200 where this handler ends without returning a response.',
      noProxyKeys:
        '{{integration}} {{answer}}: this object has none of the response keys (`statusCode`, `body`, `headers`).',
      unknownKey: '{{integration}} {{answer}}: `{{key}}` is not a response key{{hint}}.',
      misspelledKey: '{{integration}} {{answer}}: `{{key}}` is not a response key; did you mean `{{fixed}}`?',
      missingStatusCode: '{{integration}} {{answer}}: the response has no `statusCode`.',
      missingStatusCodeV2:
        '{{integration}} sends this whole object to the client as JSON text with status 200, because it has no `statusCode`: its `headers` are not applied.',
      missingStatusCodeRest:
        'The response has no `statusCode`: {{integration}} answers 200. Say so explicitly (`requireStatusCode`).',
      statusCodeNotNumeric: '{{integration}} {{answer}}: `statusCode` must be a number, not {{what}}.',
      statusCodeString:
        '`statusCode` is the string {{value}}: {{integration}} {{consequence}}; `@types/aws-lambda` expects a number.',
      bodyNotString: '{{integration}} {{answer}}: `body` must be a string, not {{what}}.',
      headersNotObject: '{{integration}} {{answer}}: `headers` must be an object of strings, not {{what}}.',
      headerArray:
        '{{integration}} {{answer}}: header `{{name}}` is an array, and header values must be strings{{hint}}.',
      headerNotString: '{{integration}} {{answer}}: header `{{name}}` is {{what}}; header values must be strings.',
      nullField: '{{integration}} {{answer}}: `{{key}}` is `null`.',
      multiValueNotArray:
        '{{integration}} {{answer}}: `multiValueHeaders` entry `{{name}}` must be an array of strings, not {{what}}.',
      multiValueIgnored:
        '{{integration}} ignores `multiValueHeaders`: put the header in `headers` (several values joined with commas), or Set-Cookie values in `cookies`.',
      base64NotBoolean:
        '`isBase64Encoded` must be a boolean, not {{what}}: API Gateway documents only `true` and `false`.',
      cookiesNotStrings: '{{integration}} expects `cookies` to be an array of strings, not {{what}}; it may skip them.',
      albHeadersField:
        '{{integration}} {{answer}}: its target group has multi-value headers {{setting}} ({{descriptor}}), so the response must use `{{expected}}`, not `{{used}}`.',
      wrapInResponse: 'Answer `{ statusCode: 200, body: JSON.stringify(…) }` with this object as the body.',
      addStatusCode: 'Add `statusCode: 200`.',
      encodeBase64: "Send the bytes base64-encoded: `.toString('base64')` and `isBase64Encoded: true`.",
      awaitAndStringify: 'Await the value and send it as JSON: `JSON.stringify(await …)`.',
      stringify: 'Send it as JSON text: `JSON.stringify(…)`.',
      moveToMultiValueHeaders: 'Move `{{name}}` to `multiValueHeaders`, which takes arrays.',
      moveToCookies: 'Move the cookies to `cookies`, one string each.',
    },
  },
  create(context, [options]) {
    // Files without a handler cost one scan of their top-level statements, and no listener.
    const analysis = analyzeFile(context);
    if (analysis.handlers.length === 0) return {};
    const sourceCode = context.sourceCode;
    const ignored = new Set(CHECKS.filter((check) => options.checks?.[check] === false));
    const reported = new Set<string>();

    type Report = {
      check: Check;
      node: TSESTree.Node | TSESTree.SourceLocation;
      messageId: MessageIds;
      data?: Record<string, string>;
      fix?: TSESLint.ReportFixFunction | null;
      suggest?: TSESLint.SuggestionReportDescriptor<MessageIds>[];
    };

    function report({ check, node, messageId, data, fix, suggest }: Report): void {
      if (ignored.has(check)) return;
      const loc = 'type' in node ? node.loc : node;
      const key = `${messageId}:${loc.start.line}:${loc.start.column}:${data?.key ?? data?.name ?? ''}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({
        ...('type' in node ? { node } : { loc: node }),
        messageId,
        data,
        fix: fix ?? null,
        suggest: suggest ?? [],
      });
    }

    function isResponseExit(handler: LambdaHandler, exit: HandlerExit): boolean {
      switch (exit.kind) {
        case 'return':
          // A non-async callback-style handler's returned value is ignored, and a bare `return;` in a
          // non-async handler is an early exit: the callback and the runtime rules judge those.
          if (handler.isAsync) return true;
          return exit.argument !== undefined && !handler.parameters.callback;
        case 'callback':
        case 'context.done':
          return isNoError(exit.errorArgument);
        case 'context.succeed':
          return true;
        case 'context.fail':
          return false;
      }
    }

    // Async handlers whose body can run off its end answer `undefined` on that path. Only they need
    // the code path listeners.
    const mayRunOffTheEnd = analysis.handlers.filter(
      (handler) =>
        handler.isAsync &&
        handler.function.body.type === 'BlockStatement' &&
        !handler.parameters.callback &&
        handler.wrapper !== 'streaming' &&
        handler.trigger === 'http',
    );
    const fallThrough = new FallThroughTracker(new Set(mayRunOffTheEnd.map((handler) => handler.function)));
    const checks = onEachHandler(context, (handler) => {
      if (handler.trigger !== 'http' || handler.wrapper === 'streaming') return;
      const integration = handler.integration;
      const names = { integration: CONTRACT[integration].name, answer: CONTRACT[integration].malformed };
      // Only the handlers in `mayRunOffTheEnd` are tracked, so the tracker's answer says it all.
      const runsOffTheEnd = fallThrough.fallsThrough.has(handler.function);
      if (runsOffTheEnd && handler.exits.every((exit) => exit.kind === 'return')) {
        const some = handler.exits.length > 0;
        report({
          check: 'response-type',
          node: handlerHeadLocation(handler.function, sourceCode),
          messageId: isPayloadV1(integration) ? (some ? 'noResponseOnSomePath' : 'noResponse') : 'noResponseV2',
          data: names,
        });
        if (!some) return;
      }
      for (const exit of handler.exits) {
        if (!isResponseExit(handler, exit)) continue;
        for (const value of exit.values) checkResponse(handler, integration, names, exit, value);
      }
    });
    return mayRunOffTheEnd.length === 0 ? checks : { ...fallThrough.listeners(), ...checks };

    function checkResponse(
      handler: LambdaHandler,
      integration: Integration,
      names: { integration: string; answer: string },
      exit: HandlerExit,
      value: ResolvedValue,
    ): void {
      const v2 = !isPayloadV1(integration);
      const at = value.fromType ? (exit.argument ?? exit.node) : value.node;
      const stringified = value.stringifies?.find((inner) => inner.shape && hasProxyKeys(inner.shape));
      if (stringified) {
        const call = value.node;
        const argument = call.type === 'CallExpression' && call.arguments.length === 1 ? call.arguments[0] : undefined;
        report({
          check: 'response-type',
          node: at,
          messageId: 'stringifiedResponse',
          data: {
            integration: names.integration,
            consequence: v2
              ? 'sends this JSON text as the body with status 200, so its `statusCode` and `headers` are lost'
              : names.answer,
          },
          fix: argument ? (fixer) => replaceExpression(fixer, sourceCode, call, sourceCode.getText(argument)) : null,
        });
        return;
      }
      if (NOT_AN_OBJECT.has(value.kind)) {
        if (!v2) {
          report({ check: 'response-type', node: at, messageId: 'notAnObject', data: { ...names, what: KIND_NAMES[value.kind] } });
        } else if (value.kind === 'null' || value.kind === 'undefined') {
          report({ check: 'response-type', node: at, messageId: 'notAnObjectV2', data: { ...names, what: KIND_NAMES[value.kind] } });
        }
        return;
      }
      if (value.kind !== 'object' || !value.shape) return;
      checkShape(handler, integration, names, value, value.shape, at);
    }

    function checkShape(
      handler: LambdaHandler,
      integration: Integration,
      names: { integration: string; answer: string },
      value: ResolvedValue,
      shape: ResponseShape,
      at: TSESTree.Node,
    ): void {
      const v2 = !isPayloadV1(integration);
      if (!hasProxyKeys(shape) && ![...shape.properties.keys()].some((key) => closestKey(key) !== undefined)) {
        if (v2 || !shape.complete) return;
        const object = value.node;
        report({
          check: 'response-keys',
          node: at,
          messageId: 'noProxyKeys',
          data: names,
          suggest: [
            {
              messageId: 'wrapInResponse',
              fix: (fixer) =>
                replaceExpression(fixer, sourceCode, object, `{ statusCode: 200, body: JSON.stringify(${sourceCode.getText(object)}) }`),
            },
          ],
        });
        return;
      }
      if (CONTRACT[integration].rejectsUnknownKeys) checkUnknownKeys(integration, shape, names, at);
      checkStatusCode(integration, names, shape, at);
      checkBody(handler, integration, names, shape, at);
      checkAlbHeadersField(handler, names, shape, at);
      checkHeaders(integration, names, shape, at);
      checkMultiValueHeaders(integration, names, shape, at);
      checkBase64(shape, at);
      if (v2) checkCookies(names, shape, at);
    }

    function checkUnknownKeys(integration: Integration, shape: ResponseShape, names: { integration: string; answer: string }, at: TSESTree.Node): void {
      for (const property of shape.properties.values()) {
        if (CONTRACT[integration].keys.has(property.name)) continue;
        const node = property.key ?? at;
        const fixed = closestKey(property.name);
        if (fixed !== undefined && !shape.properties.has(fixed)) {
          const key = property.key;
          report({
            check: 'unknown-keys',
            node,
            messageId: 'misspelledKey',
            data: { ...names, key: property.name, fixed },
            fix: key ? (fixer) => renameKey(fixer, sourceCode, key, property.definition, fixed) : null,
          });
          continue;
        }
        const hint =
          property.name === 'cookies'
            ? "; REST responses set cookies with `multiValueHeaders: { 'Set-Cookie': [...] }`"
            : property.name === 'statusDescription'
              ? '; `statusDescription` is for the load balancer (ALB) only'
              : '';
        report({ check: 'unknown-keys', node, messageId: 'unknownKey', data: { ...names, key: property.name, hint } });
      }
    }

    function checkStatusCode(
      integration: Integration,
      names: { integration: string; answer: string },
      shape: ResponseShape,
      at: TSESTree.Node,
    ): void {
      const statusCode = shape.properties.get('statusCode');
      if (!statusCode) {
        if (!shape.complete) return;
        const object = shape.node;
        const addFix: TSESLint.ReportFixFunction | null = object
          ? (fixer) => insertFirstProperty(fixer, sourceCode, object, 'statusCode: 200')
          : null;
        if (integration === 'http-v2' || integration === 'url') {
          if (INFERRED_RESPONSE_LOSES.some((key) => shape.properties.has(key))) {
            report({ check: 'status-code', node: at, messageId: 'missingStatusCodeV2', data: names, fix: addFix });
          }
        } else if (integration === 'rest') {
          if (options.requireStatusCode) {
            report({ check: 'status-code', node: at, messageId: 'missingStatusCodeRest', data: names, fix: addFix });
          }
        } else {
          report({
            check: 'status-code',
            node: at,
            messageId: 'missingStatusCode',
            data: names,
            suggest: addFix ? [{ messageId: 'addStatusCode', fix: addFix }] : [],
          });
        }
        return;
      }
      for (const value of statusCode.values) {
        const node = locate(statusCode, value, at);
        if (value.kind === 'string') {
          const literal = value.node.type === 'Literal' && typeof value.node.value === 'string' ? value.node : undefined;
          if (literal && !/^\s*\d+\s*$/u.test(literal.value)) {
            report({ check: 'status-code', node, messageId: 'statusCodeNotNumeric', data: { ...names, what: `the string ${literal.raw}` } });
            continue;
          }
          if (integration !== 'alb' && options.allowNumericStatusCodeStrings) continue;
          report({
            check: 'status-code',
            node,
            messageId: 'statusCodeString',
            data: {
              integration: names.integration,
              value: literal ? literal.raw : sourceCode.getText(value.node),
              consequence: integration === 'alb' ? names.answer : 'accepts it',
            },
            fix: literal ? (fixer) => fixer.replaceText(literal, String(Number(literal.value))) : null,
          });
        } else if (['boolean', 'object', 'array', 'null', 'buffer', 'function'].includes(value.kind)) {
          report({ check: 'status-code', node, messageId: 'statusCodeNotNumeric', data: { ...names, what: KIND_NAMES[value.kind] } });
        }
      }
    }

    /** ALB answers 502 for `body: null` and `headers: null`; an empty value means the same and is taken. */
    function reportAlbNull(
      check: 'body' | 'headers',
      property: ShapeProperty,
      node: TSESTree.Node,
      names: { integration: string; answer: string },
      replacement: string,
    ): void {
      const written = property.value;
      report({
        check,
        node,
        messageId: 'nullField',
        data: { ...names, key: property.name },
        fix: written ? (fixer) => fixer.replaceText(written, replacement) : null,
      });
    }

    function checkBody(
      handler: LambdaHandler,
      integration: Integration,
      names: { integration: string; answer: string },
      shape: ResponseShape,
      at: TSESTree.Node,
    ): void {
      const body = shape.properties.get('body');
      if (!body) return;
      for (const value of body.values) {
        const node = locate(body, value, at);
        if (value.kind === 'null' && integration === 'alb') {
          reportAlbNull('body', body, node, names, "''");
          continue;
        }
        if (!NOT_STRING_BODY.has(value.kind)) continue;
        const data = { ...names, what: value.parsedJson ? 'parsed JSON' : KIND_NAMES[value.kind] };
        const target = fixTarget(body, value);
        if (value.parsedJson) {
          // Parsed JSON may itself be a string, which JSON.stringify would quote: a suggestion only.
          report({
            check: 'body',
            node,
            messageId: 'bodyNotString',
            data,
            suggest: target
              ? [{ messageId: 'stringify', fix: (fixer) => fixer.replaceText(target, `JSON.stringify(${operandText(sourceCode, target)})`) }]
              : [],
          });
        } else if (value.kind === 'object' || value.kind === 'array') {
          report({
            check: 'body',
            node,
            messageId: 'bodyNotString',
            data,
            fix: target ? (fixer) => fixer.replaceText(target, `JSON.stringify(${operandText(sourceCode, target)})`) : null,
          });
        } else if (value.kind === 'buffer') {
          report({ check: 'body', node, messageId: 'bodyNotString', data, suggest: base64Suggestion(shape, body, target) });
        } else if (value.kind === 'promise' && handler.isAsync && target) {
          report({
            check: 'body',
            node,
            messageId: 'bodyNotString',
            data,
            suggest: [
              {
                messageId: 'awaitAndStringify',
                fix: (fixer) => fixer.replaceText(target, `JSON.stringify(await ${operandText(sourceCode, target)})`),
              },
            ],
          });
        } else {
          report({ check: 'body', node, messageId: 'bodyNotString', data });
        }
      }
    }

    function base64Suggestion(
      shape: ResponseShape,
      body: ShapeProperty,
      target: TSESTree.Node | undefined,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const definition = body.definition;
      if (!target || definition?.type !== 'Property' || definition.parent !== shape.node) return [];
      const flag = shape.properties.get('isBase64Encoded');
      return [
        {
          messageId: 'encodeBase64',
          fix: (fixer) => {
            const fixes = [fixer.replaceText(target, `${memberObjectText(sourceCode, target)}.toString('base64')`)];
            if (flag?.value && flag.definition?.type === 'Property' && flag.definition.parent === shape.node) {
              fixes.push(fixer.replaceText(flag.value, 'true'));
            } else if (!flag) {
              fixes.push(insertPropertyAfter(fixer, sourceCode, definition, 'isBase64Encoded: true'));
            }
            return fixes;
          },
        },
      ];
    }

    /** With multi-value headers on, ALB reads only `multiValueHeaders`; with them off, only `headers`. */
    function checkAlbHeadersField(
      handler: LambdaHandler,
      names: { integration: string; answer: string },
      shape: ResponseShape,
      at: TSESTree.Node,
    ): void {
      const multi = handler.albMultiValueHeaders;
      if (multi === undefined || handler.integration !== 'alb') return;
      const [expected, used] = multi ? ['multiValueHeaders', 'headers'] : ['headers', 'multiValueHeaders'];
      const wrong = shape.properties.get(used);
      if (!wrong || shape.properties.has(expected)) return;
      report({
        check: 'headers',
        node: wrong.key ?? at,
        messageId: 'albHeadersField',
        data: {
          ...names,
          setting: multi ? 'on' : 'off',
          descriptor: path.basename(handler.described?.descriptor ?? ''),
          expected,
          used,
        },
      });
    }

    function checkHeaders(
      integration: Integration,
      names: { integration: string; answer: string },
      shape: ResponseShape,
      at: TSESTree.Node,
    ): void {
      const headers = shape.properties.get('headers');
      if (!headers) return;
      for (const value of headers.values) {
        const node = locate(headers, value, at);
        if (value.kind === 'null' && integration === 'alb') {
          reportAlbNull('headers', headers, node, names, '{}');
          continue;
        }
        if (value.kind === 'array' || value.kind === 'string' || value.kind === 'number' || value.kind === 'boolean') {
          report({ check: 'headers', node, messageId: 'headersNotObject', data: { ...names, what: KIND_NAMES[value.kind] } });
          continue;
        }
        if (!value.shape) continue;
        for (const header of value.shape.properties.values()) {
          for (const headerValue of header.values) {
            checkHeaderValue(integration, names, shape, headers, header, headerValue, node);
          }
        }
      }
    }

    function checkHeaderValue(
      integration: Integration,
      names: { integration: string; answer: string },
      shape: ResponseShape,
      headers: ShapeProperty,
      header: ShapeProperty,
      value: ResolvedValue,
      at: TSESTree.Node,
    ): void {
      const node = locate(header, value, at);
      const data = { ...names, name: header.name, what: KIND_NAMES[value.kind] };
      if (value.kind === 'array') {
        const setCookie = header.name.toLowerCase() === 'set-cookie';
        const v2 = !isPayloadV1(integration);
        report({
          check: 'headers',
          node,
          messageId: 'headerArray',
          data: {
            ...data,
            hint: v2
              ? setCookie
                ? '; cookies go in `cookies`'
                : '; join several values with commas'
              : '; several values go in `multiValueHeaders`',
          },
          suggest: moveHeaderSuggestion(integration, shape, headers, header),
        });
      } else if (value.kind === 'object' || value.kind === 'null' || value.kind === 'buffer' || value.kind === 'function') {
        report({ check: 'headers', node, messageId: 'headerNotString', data });
      } else if (integration === 'alb' && (value.kind === 'number' || value.kind === 'boolean')) {
        const target = fixTarget(header, value);
        report({
          check: 'headers',
          node,
          messageId: 'headerNotString',
          data,
          fix: target
            ? (fixer) =>
                fixer.replaceText(
                  target,
                  target.type === 'Literal'
                    ? `'${String(target.value)}'`
                    : `String(${operandText(sourceCode, target)})`,
                )
            : null,
        });
      }
    }

    function moveHeaderSuggestion(
      integration: Integration,
      shape: ResponseShape,
      headers: ShapeProperty,
      header: ShapeProperty,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const entry = header.definition;
      const headersProperty = headers.definition;
      if (
        entry?.type !== 'Property' ||
        headersProperty?.type !== 'Property' ||
        headersProperty.parent !== shape.node ||
        entry.parent !== headersProperty.value
      ) {
        return [];
      }
      const valueText = sourceCode.getText(entry.value);
      if (!isPayloadV1(integration)) {
        if (header.name.toLowerCase() !== 'set-cookie' || shape.properties.has('cookies')) return [];
        return [
          {
            messageId: 'moveToCookies',
            fix: (fixer) => [
              removeProperty(fixer, sourceCode, entry),
              insertPropertyAfter(fixer, sourceCode, headersProperty, `cookies: ${valueText}`),
            ],
          },
        ];
      }
      const keyText = sourceCode.getText(entry.key);
      const existing = shape.properties.get('multiValueHeaders')?.value;
      if (shape.properties.has('multiValueHeaders') && existing?.type !== 'ObjectExpression') return [];
      return [
        {
          messageId: 'moveToMultiValueHeaders',
          data: { name: header.name },
          fix: (fixer) => [
            removeProperty(fixer, sourceCode, entry),
            existing?.type === 'ObjectExpression'
              ? insertFirstProperty(fixer, sourceCode, existing, `${keyText}: ${valueText}`)
              : insertPropertyAfter(fixer, sourceCode, headersProperty, `multiValueHeaders: { ${keyText}: ${valueText} }`),
          ],
        },
      ];
    }

    function checkMultiValueHeaders(
      integration: Integration,
      names: { integration: string; answer: string },
      shape: ResponseShape,
      at: TSESTree.Node,
    ): void {
      const multi = shape.properties.get('multiValueHeaders');
      if (!multi) return;
      if (!isPayloadV1(integration)) {
        report({ check: 'multi-value-headers', node: multi.key ?? at, messageId: 'multiValueIgnored', data: names });
        return;
      }
      for (const value of multi.values) {
        for (const header of value.shape?.properties.values() ?? []) {
          for (const headerValue of header.values) {
            if (!['string', 'number', 'boolean', 'object', 'null'].includes(headerValue.kind)) continue;
            const target = fixTarget(header, headerValue);
            report({
              check: 'multi-value-headers',
              node: locate(header, headerValue, at),
              messageId: 'multiValueNotArray',
              data: { ...names, name: header.name, what: KIND_NAMES[headerValue.kind] },
              fix:
                target && headerValue.kind !== 'object' && headerValue.kind !== 'null'
                  ? (fixer) => fixer.replaceText(target, `[${operandText(sourceCode, target)}]`)
                  : null,
            });
          }
        }
      }
    }

    function checkBase64(shape: ResponseShape, at: TSESTree.Node): void {
      const flag = shape.properties.get('isBase64Encoded');
      for (const value of flag?.values ?? []) {
        if (value.kind === 'boolean' || value.kind === 'unknown' || value.kind === 'undefined' || !flag) continue;
        const literal =
          value.node.type === 'Literal' && (value.node.value === 'true' || value.node.value === 'false') ? value.node : undefined;
        report({
          check: 'is-base64-encoded',
          node: locate(flag, value, at),
          messageId: 'base64NotBoolean',
          data: { what: literal ? `the string ${literal.raw}` : KIND_NAMES[value.kind] },
          fix: literal ? (fixer) => fixer.replaceText(literal, literal.value) : null,
        });
      }
    }

    function checkCookies(names: { integration: string; answer: string }, shape: ResponseShape, at: TSESTree.Node): void {
      const cookies = shape.properties.get('cookies');
      for (const value of cookies?.values ?? []) {
        if (!cookies) continue;
        const node = locate(cookies, value, at);
        if (value.kind === 'array' && value.node.type === 'ArrayExpression') {
          const bad = value.node.elements.find(
            (element) =>
              element?.type === 'ObjectExpression' ||
              element?.type === 'ArrayExpression' ||
              (element?.type === 'Literal' && typeof element.value !== 'string'),
          );
          if (bad) report({ check: 'cookies', node: bad, messageId: 'cookiesNotStrings', data: { ...names, what: 'an array with other values' } });
        } else if (['string', 'number', 'boolean', 'object', 'null'].includes(value.kind)) {
          report({ check: 'cookies', node, messageId: 'cookiesNotStrings', data: { ...names, what: KIND_NAMES[value.kind] } });
        }
      }
    }
  },
});

/** Where to report a property's value: the value itself when the file shows it, else the property. */
function locate(property: ShapeProperty, value: ResolvedValue, fallback: TSESTree.Node): TSESTree.Node {
  if (!value.fromType && property.value && contains(property.value, value.node)) return value.node;
  return property.value ?? property.key ?? fallback;
}

/**
 * The expression a fix may rewrite for one value of a property: the value itself when it is written
 * inside the property (a branch of `cond ? {...} : '...'` included), or the whole property value when
 * every value has the same kind. Never an object literal bound elsewhere, which other code may share.
 */
function fixTarget(property: ShapeProperty, value: ResolvedValue): TSESTree.Node | undefined {
  const written = property.value;
  if (!written) return undefined;
  if (!value.fromType && contains(written, value.node)) return outermostWrapper(value.node, written);
  return property.values.every((each) => each.kind === value.kind) ? written : undefined;
}

/** `x as const`, `x!` and `x satisfies T` around a value, up to the property's value as written. */
function outermostWrapper(node: TSESTree.Node, limit: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current !== limit && skipTypeWrappers(current.parent!) !== current.parent && contains(limit, current.parent!)) {
    current = current.parent!;
  }
  return current;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** A valid REST response key that `name` misspells: the same but for case, or one edit away. */
function closestKey(name: string): string | undefined {
  const lower = name.toLowerCase();
  return (
    REST_RESPONSE_KEYS.find((key) => key.toLowerCase() === lower) ??
    REST_RESPONSE_KEYS.find((key) => key.length > 4 && withinOneEdit(key.toLowerCase(), lower))
  );
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
