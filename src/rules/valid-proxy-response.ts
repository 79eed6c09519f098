import { analyzeFile, type LambdaHandler } from '../analysis/analyze.js';
import { endsInReturnOrThrow, FallThroughTracker } from '../analysis/code-paths.js';
import { createRule } from '../util/create-rule.js';
import { onEachHandler } from '../util/handler-listener.js';
import { checkBase64, checkCookies } from './valid-proxy-response/base64-and-cookies.js';
import { checkBody } from './valid-proxy-response/body.js';
import { type MessageIds, ResponseContext, ResponseReporter } from './valid-proxy-response/context.js';
import { checkAlbHeadersField, checkAlbHeadersPresent, checkHeaders, checkMultiValueHeaders } from './valid-proxy-response/headers.js';
import { checkUnknownKeys } from './valid-proxy-response/keys.js';
import { DEFAULT_OPTIONS, type Options, SCHEMA } from './valid-proxy-response/options.js';
import { checkResponseKeys, checkResponseType, checkRunsOffTheEnd } from './valid-proxy-response/response-type.js';
import { checkStatusCode } from './valid-proxy-response/status-code.js';
import { checkUnreturnedRouter, mayCallRouter } from './valid-proxy-response/router.js';
import { checkStringifiedByWrapper } from './valid-proxy-response/serialized.js';

export { CHECKS, type Options } from './valid-proxy-response/options.js';

/** The checks that read the keys of an object response, in the order they report. */
const KEY_CHECKS = [
  checkUnknownKeys,
  checkStatusCode,
  checkBody,
  checkAlbHeadersField,
  checkAlbHeadersPresent,
  checkHeaders,
  checkMultiValueHeaders,
  checkBase64,
  checkCookies,
];

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
    schema: SCHEMA,
    defaultOptions: DEFAULT_OPTIONS,
    messages: {
      notAnObject:
        '{{integration}} {{answer}}: the response must be an object with `statusCode` and `body`, not {{what}}.',
      notAnObjectV2:
        '{{integration}} sends the text `null` with status 200: the handler answers {{what}} instead of a response object.',
      stringifiedResponse:
        '{{integration}} {{consequence}}: this response is passed through `JSON.stringify`; answer the object itself.',
      noResponse: '{{integration}} {{answer}}: this handler never returns a response, so the response is `null`.',
      unreturnedResponse:
        '{{integration}} {{answer}}: `{{call}}` makes the response, but this handler does not return it, so the response is `null`.',
      returnResponse: 'Return the response: `return {{call}}`.',
      unserializableValue:
        '{{integration}} answers {{status}}: the wrapper answers `JSON.stringify` of this value, which throws a TypeError on a BigInt, so the invocation fails. Convert it first (`String(value)` or `Number(value)`).',
      noResponseOnSomePath:
        '{{integration}} {{answer}}: on some path this handler ends without returning a response, so the response is `null`.',
      noResponseV2:
        '{{integration}} sends the text `null` with status 200 where this handler ends without returning a response.',
      albNoHeaders:
        '{{integration}} {{answer}}: the response has neither `headers` nor `multiValueHeaders`; the load balancer needs `{{field}}`, even empty.',
      errorAsResponse:
        '{{integration}} {{outcome}}: this answers an `Error`, which serializes to `{}`.',
      noProxyKeys:
        '{{integration}} {{answer}}: `{{key}}` is not a response key, and this object has none of them (`statusCode`, `body`, `headers`).',
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
      addHeaders: 'Add `{{field}}: {}`.',
      rethrowError: 'Throw the error: the invocation fails and the integration answers its 5xx.',
      answerServerError: 'Answer `{ statusCode: 500, body }` with the error\'s message.',
    },
  },
  create(context, [options]) {
    // Files without a handler cost one scan of their top-level statements, and no listener.
    const analysis = analyzeFile(context);
    if (analysis.handlers.length === 0) return {};
    const sourceCode = context.sourceCode;
    const reporter = new ResponseReporter(context, options);
    const routers = mayCallRouter(sourceCode.text);
    // A wrapper that builds the response from the return value (a project's `handler(fn)`), or one
    // that is not followed (a package's), leaves nothing here to judge.
    const judged = (handler: LambdaHandler) =>
      handler.trigger === 'http' &&
      handler.wrapper !== 'streaming' &&
      (handler.responseBuilder === 'self' || handler.responseBuilder === 'serializer');

    // Async handlers whose body can run off its end answer `undefined` on that path. Only they need
    // the code path listeners: a body whose last statement returns or throws cannot (every path to
    // its end runs that statement), and most handlers end so.
    const mayRunOffTheEnd = analysis.handlers.filter(
      (handler) =>
        handler.isAsync &&
        handler.function.body.type === 'BlockStatement' &&
        !endsInReturnOrThrow(handler.function.body) &&
        !handler.parameters.callback &&
        judged(handler),
    );
    const fallThrough = new FallThroughTracker(new Set(mayRunOffTheEnd.map((handler) => handler.function)));
    const checks = onEachHandler(context, (handler) => {
      // A router's answer dropped: whatever triggers the handler, it answers `undefined`.
      const dropped = routers && handler.wrapper === 'none' && checkUnreturnedRouter(handler, analysis.facts.resolver, reporter, sourceCode);
      // Behind a wrapper that stringifies the return value into `body`, only an unserializable value fails.
      if (handler.responseBuilder === 'body' && !handler.answerIgnored) checkStringifiedByWrapper(handler, analysis.facts.resolver, reporter);
      if (!judged(handler)) return;
      // Only the handlers in `mayRunOffTheEnd` are tracked, so the tracker's answer says it all. Where
      // a router's answer is dropped, that report says why the end is reached without a response.
      if (!dropped && fallThrough.fallsThrough.has(handler.function) && !checkRunsOffTheEnd(handler, reporter, sourceCode)) return;
      for (const exit of handler.exits) {
        if (!exit.answers) continue;
        for (const value of exit.values) {
          const response = new ResponseContext(handler, exit, value, reporter, sourceCode);
          if (!checkResponseType(response) || !checkResponseKeys(response, response.value.shape)) continue;
          for (const check of KEY_CHECKS) check(response, response.value.shape);
        }
      }
    });
    return mayRunOffTheEnd.length === 0 ? checks : { ...fallThrough.listeners(), ...checks };
  },
});
