import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { LambdaHandler } from '../../analysis/analyze.js';
import { enclosingFunction } from '../../analysis/completions.js';
import { contains, skipTypeWrappers } from '../../analysis/resolve.js';
import type { HandlerExit } from '../../analysis/responses.js';
import type { ResolvedValue, ShapeProperty } from '../../analysis/shape.js';
import { CONTRACT, type Integration, type IntegrationContract, isPayloadV1 } from '../../contract/proxy-contract.js';
import type { FixOrSuggestion } from '../../fixes/fix-or-suggest.js';
import type { Check, Options } from './options.js';

/** The message ids of `valid-proxy-response`, declared in the rule's meta. */
export type MessageIds =
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
  | 'moveToCookies'
  | 'errorAsResponse'
  | 'rethrowError'
  | 'answerServerError'
  | 'albNoHeaders'
  | 'addHeaders'
  | 'unreturnedResponse'
  | 'returnResponse'
  | 'unserializableValue';

export interface Report extends Partial<FixOrSuggestion<MessageIds>> {
  readonly check: Check;
  readonly node: TSESTree.Node | TSESTree.SourceLocation;
  readonly messageId: MessageIds;
  readonly data?: Record<string, string>;
}

type RuleContext = Readonly<TSESLint.RuleContext<MessageIds, [Options]>>;

/** What middy's serializer turns into a valid response: a value that is no response, an object `body`. */
const SERIALIZER_MAKES_VALID: ReadonlySet<MessageIds> = new Set([
  'notAnObject',
  'notAnObjectV2',
  'noProxyKeys',
  'missingStatusCode',
  'missingStatusCodeV2',
  'missingStatusCodeRest',
  'bodyNotString',
]);

/**
 * The reports of one file: checks turned off in the options are dropped, and a report is made once
 * even when the same value leaves the handler on several paths.
 */
export class ResponseReporter {
  private readonly ignored: ReadonlySet<Check>;
  private readonly reported = new Set<string>();

  constructor(
    private readonly context: RuleContext,
    readonly options: Options,
  ) {
    const checks = options.checks ?? {};
    this.ignored = new Set(Object.keys(checks).filter((check) => checks[check as Check] === false) as Check[]);
  }

  report({ check, node, messageId, data, fix, suggest }: Report): void {
    if (this.ignored.has(check)) return;
    const loc = 'type' in node ? node.loc : node;
    const key = `${messageId}:${loc.start.line}:${loc.start.column}:${data?.key ?? data?.name ?? ''}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.context.report({
      ...('type' in node ? { node } : { loc: node }),
      messageId,
      data,
      fix: fix ?? null,
      suggest: suggest ?? [],
    });
  }
}

/**
 * One value that can leave an HTTP handler as its response, with what every check reads about it:
 * the integration's contract, the names messages use, and where to report.
 */
export class ResponseContext {
  readonly integration: Integration;
  readonly contract: IntegrationContract;
  /** Payload format 2.0 (HTTP API 2.0, Function URLs). */
  readonly v2: boolean;
  /** `{{integration}}` and `{{answer}}` of the messages. */
  readonly names: { readonly integration: string; readonly answer: string };
  /** Where a report about the whole response goes. */
  readonly at: TSESTree.Node;

  constructor(
    readonly handler: LambdaHandler,
    readonly exit: HandlerExit,
    readonly value: ResolvedValue,
    readonly reporter: ResponseReporter,
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
  ) {
    this.integration = handler.integration;
    this.contract = CONTRACT[this.integration];
    this.v2 = !isPayloadV1(this.integration);
    this.names = { integration: this.contract.name, answer: this.contract.malformed };
    this.at = value.fromType ? (exit.argument ?? exit.node) : value.node;
  }

  get options(): Options {
    return this.reporter.options;
  }

  report(report: Report): void {
    if (this.serialized && SERIALIZER_MAKES_VALID.has(report.messageId)) return;
    this.reporter.report(report);
  }

  /**
   * middy's `http-response-serializer` makes this value a response: it wraps a bare value into
   * `{ statusCode: 200, body }` and serializes an object `body`, unless the response sets its own
   * `Content-Type` (then it leaves the response as it is).
   */
  private get serialized(): boolean {
    if (this.handler.responseBuilder !== 'serializer') return false;
    const headers = this.value.shape?.properties.get('headers');
    return !(headers?.values ?? []).some((value) =>
      [...(value.shape?.properties.keys() ?? [])].some((name) => name.toLowerCase() === 'content-type'),
    );
  }

  /** Where to report a property's value: the value itself when the file shows it, else the property. */
  locate(property: ShapeProperty, value: ResolvedValue): TSESTree.Node {
    if (!value.fromType && property.value && contains(property.value, value.node)) return value.node;
    return property.value ?? property.key ?? this.at;
  }
}

/**
 * The expression a fix may rewrite for one value of a property: the value itself when it is written
 * inside the property (a branch of `cond ? {...} : '...'` included), or the whole property value when
 * every value has the same kind. Never an object literal bound elsewhere, which other code may share.
 */
export function fixTarget(property: ShapeProperty, value: ResolvedValue): TSESTree.Node | undefined {
  const written = property.value;
  if (!written) return undefined;
  if (!value.fromType && contains(written, value.node)) return outermostWrapper(value.node, written);
  // A value that reached a helper through its parameters (`respond(200, item)`): the helper serves
  // other calls too, so rewriting it is not this response's fix.
  if (!value.fromType && written.type === 'Identifier' && isParameterOf(enclosingFunction(written), written.name)) return undefined;
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

function isParameterOf(fn: TSESTree.FunctionLike | undefined, name: string): boolean {
  return (
    fn?.params.some((parameter) => {
      const target = parameter.type === 'AssignmentPattern' ? parameter.left : parameter;
      return target.type === 'Identifier' && target.name === name;
    }) ?? false
  );
}
