import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';
import { EVENT_OBJECT_FIELDS, type Integration } from '../contract/proxy-contract.js';
import { ANSWER_IGNORED_RECORD_FIELDS, ANSWER_IGNORED_TYPE } from '../contract/triggers.js';
import { findCompletions, type HandlerCompletions, handlerParameters, type HandlerParameters } from './completions.js';
import { type AsyncConversion, planAsyncConversion } from './conversion.js';
import { type DescribedFunction, describedFunctions, otherCloudService } from './descriptors/index.js';
import { eventTypeNames, type FoundHandler, findHandlers, type HandlerWrapper } from './handlers.js';
import {
  decideIntegration,
  decideTrigger,
  eventPaths,
  type IntegrationSource,
  type Trigger,
} from './integration.js';
import { RequestVariables } from './request.js';
import { type FunctionNode, ValueResolver } from './resolve.js';
import { collectExits, type HandlerExit } from './responses.js';
import { decideRuntime, type RuntimeLines } from './runtime.js';
import { type LambdaSettings, readSettings } from './settings.js';
import type { ResolvedValue, ValueKind } from './shape.js';
import { analysisStats, loadTypeFacts, type TypeFacts } from './types.js';
import { type ResponseBuilder, responseBuilder } from './wrappers.js';

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

const JAVASCRIPT_FILE = /\.[cm]?jsx?$/u;
const JSDOC_TYPE_TAG = /@(?:type|param|typedef|callback|template|satisfies)\b/u;

/**
 * What the parts of the model read about a file: its settings, the deployment descriptors above it,
 * type information and the value resolver. Each is made on first use, so a file without handlers is
 * one scan of its top-level statements.
 */
export class FileFacts {
  readonly settings: LambdaSettings;
  private typesOnce: TypeFacts | null | undefined;
  private resolverOnce: ValueResolver | undefined;
  private untypedJavaScriptOnce: boolean | undefined;
  private isJavaScriptOnce: boolean | undefined;
  private describedOnce: readonly DescribedFunction[] | undefined;
  private describedNamesOnce: ReadonlySet<string> | undefined;
  private otherCloudOnce: boolean | undefined;
  /** Handlers' event parameters that the code types as an HTTP event of `@types/aws-lambda`, with its fields' kinds. */
  readonly eventFields = new Map<TSESTree.Node, Readonly<Record<string, ValueKind>>>();

  constructor(private readonly context: AnyContext) {
    this.settings = readSettings(context.settings);
  }

  /** The linted file's path. */
  get filename(): string {
    return this.context.filename;
  }

  /** What the deployment descriptors above the file say about its exports. */
  get described(): readonly DescribedFunction[] {
    this.describedOnce ??= this.settings.descriptors ? describedFunctions(this.context.filename) : [];
    return this.describedOnce;
  }

  /**
   * What the descriptors say about the file, if they were looked up: they are for a module that
   * exports anything, and this never looks them up itself.
   */
  get describedIfLooked(): readonly DescribedFunction[] | undefined {
    return this.describedOnce;
  }

  /**
   * The file belongs to a service on another cloud (a Serverless Framework service on Azure,
   * OpenWhisk, ...) and no descriptor names it as a Lambda function: nothing in it is judged.
   */
  get otherCloud(): boolean {
    this.otherCloudOnce ??= this.settings.descriptors && this.described.length === 0 && otherCloudService(this.context.filename) !== undefined;
    return this.otherCloudOnce;
  }

  /** The export names a deployment descriptor names. */
  get describedNames(): ReadonlySet<string> {
    this.describedNamesOnce ??= new Set(this.described.map((entry) => entry.exportName));
    return this.describedNamesOnce;
  }

  /** The export names that are handlers: the settings' and those a descriptor names. */
  handlerNames(): readonly string[] {
    const described = this.described;
    return described.length > 0 ? [...this.settings.handlerNames, ...described.map((entry) => entry.exportName)] : this.settings.handlerNames;
  }

  /** Type information, or null when the file is linted without a TypeScript program. */
  get types(): TypeFacts | null {
    if (this.typesOnce === undefined) this.typesOnce = loadTypeFacts(this.context);
    return this.typesOnce;
  }

  get resolver(): ValueResolver {
    this.resolverOnce ??= new ValueResolver(
      this.context.sourceCode,
      this.types,
      this.types !== null && this.untypedJavaScript,
      this.context.filename,
      (parameter) => this.eventFields.get(parameter),
    );
    return this.resolverOnce;
  }

  /** A JavaScript file: only its export names make an export a handler. */
  get isJavaScript(): boolean {
    this.isJavaScriptOnce ??= JAVASCRIPT_FILE.test(this.context.filename);
    return this.isJavaScriptOnce;
  }

  /** A JavaScript file without JSDoc types: its parameters are `any` to the checker. */
  get untypedJavaScript(): boolean {
    this.untypedJavaScriptOnce ??=
      this.isJavaScript && !this.context.sourceCode.getAllComments().some((comment) => JSDOC_TYPE_TAG.test(comment.value));
    return this.untypedJavaScriptOnce;
  }
}

/**
 * One Lambda handler and every fact the rules, the fixers and the CLI need about it. Each fact is
 * computed the first time something asks, then kept for every other rule linting the same file.
 */
export class LambdaHandler {
  readonly function: FunctionNode;
  readonly exportName: string;
  readonly exported: TSESTree.Node;
  readonly wrapper: HandlerWrapper;
  readonly parameters: HandlerParameters;
  readonly runtime: RuntimeLines;
  /** What the deployment descriptor says about this handler, if one names it. */
  readonly described: DescribedFunction | undefined;
  private completionsOnce: HandlerCompletions | undefined;
  private conversionOnce: AsyncConversion | undefined;
  private exitsOnce: readonly HandlerExit[] | undefined;
  private eventPathsOnce: ReadonlySet<string> | undefined;
  private typeNamesOnce: readonly string[] | undefined;
  private triggerOnce: Trigger | undefined;
  private integrationOnce: { integration: Integration; source: IntegrationSource } | undefined;
  private requestOnce: RequestVariables | undefined;
  private answerIgnoredOnce: boolean | undefined;
  private responseBuilderOnce: ResponseBuilder | undefined;

  constructor(
    found: FoundHandler,
    private readonly facts: FileFacts,
  ) {
    this.function = found.function;
    this.exportName = found.exportName;
    this.exported = found.exported;
    this.wrapper = found.wrapper;
    this.parameters = handlerParameters(found.function);
    this.described = facts.described.find((entry) => entry.exportName === found.exportName);
    this.runtime = decideRuntime(facts.settings, this.described?.runtime);
    this.typeNamesOnce = found.annotatedTypeNames.length > 0 ? found.annotatedTypeNames : undefined;
    if (found.eventFields && this.parameters.event) facts.eventFields.set(this.parameters.event, found.eventFields);
  }

  /**
   * Who turns the function's return value into the proxy response: itself, middy's serializer, a
   * project wrapper that stringifies it into `body`, or a wrapper that is not followed.
   */
  get responseBuilder(): ResponseBuilder {
    this.responseBuilderOnce ??=
      this.wrapper === 'call' ? responseBuilder(this.exported, this.function, this.facts.resolver, this.facts.filename) : 'self';
    return this.responseBuilderOnce;
  }

  /** Whether the handler is an `async` function (its own keyword, not a returned promise). */
  get isAsync(): boolean {
    return this.function.async;
  }

  /** The calls of its callback and of `context.succeed/fail/done`, and the other uses of both. */
  get completions(): HandlerCompletions {
    this.completionsOnce ??= findCompletions(this.function, this.parameters, this.facts.resolver);
    return this.completionsOnce;
  }

  /** Whether the handler can become async by rewriting its completion calls in place. */
  get asyncConversion(): AsyncConversion {
    this.conversionOnce ??= planAsyncConversion(this.function, this.completions);
    return this.conversionOnce;
  }

  /** Every way a response leaves the handler, with the values it can have. */
  get exits(): readonly HandlerExit[] {
    this.exitsOnce ??= collectExits(this.function, this.parameters, this.completions, this.facts.resolver);
    return this.exitsOnce;
  }

  /** What its `return` statements return, as written (a promise stays a promise). */
  get returnedValues(): readonly ResolvedValue[] {
    return this.exits.filter((exit) => exit.kind === 'return' && exit.argument).flatMap((exit) => exit.written);
  }

  /**
   * Whether the caller never reads the answer (SNS, S3, EventBridge, schedules): from the descriptor,
   * the types, or the event records the handler reads (`record.Sns`, `record.s3`).
   */
  get answerIgnored(): boolean {
    this.answerIgnoredOnce ??=
      this.trigger !== 'http' &&
      (this.described?.answerIgnored === true ||
        this.typeNames.some((name) => ANSWER_IGNORED_TYPE.test(name)) ||
        this.readsRecordField());
    return this.answerIgnoredOnce;
  }

  private readsRecordField(): boolean {
    let found = false;
    this.facts.resolver.walk(
      this.function.body,
      (node) => {
        if (!found && node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
          found = ANSWER_IGNORED_RECORD_FIELDS.has(node.property.name);
        }
      },
      true,
    );
    return found;
  }

  /** Whether an expression is the event itself, or one of its fields that hold objects (`event.headers`). */
  isEventObject(node: TSESTree.Node): boolean {
    const event = this.parameters.event;
    if (event?.type !== 'Identifier') return false;
    const target = node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && EVENT_OBJECT_FIELDS.has(node.property.name) ? node.object : node;
    return target.type === 'Identifier' && target.name === event.name && this.facts.resolver.variableOf(target)?.defs[0]?.name === event;
  }

  /** The event and what the handler derives from it: whether a guard tests the request. */
  get request(): RequestVariables {
    this.requestOnce ??= new RequestVariables(this.function, this.parameters.event, this.facts.resolver);
    return this.requestOnce;
  }

  /** Property paths the handler reads from its event (`httpMethod`, `requestContext.http`). */
  get eventPaths(): ReadonlySet<string> {
    this.eventPathsOnce ??= eventPaths(this.parameters.event, this.facts.resolver);
    return this.eventPathsOnce;
  }

  /** `@types/aws-lambda` names written on the handler or, with type information, of its event. */
  get typeNames(): readonly string[] {
    if (this.typeNamesOnce === undefined) {
      const event = this.parameters.event;
      // In JavaScript without JSDoc types an event parameter is `any`: no question worth asking.
      this.typeNamesOnce = event && !this.facts.untypedJavaScript ? eventTypeNames(event, this.facts) : [];
    }
    return this.typeNamesOnce;
  }

  /** `http` for API Gateway, Function URL and ALB handlers; response-shape checks apply only to them. */
  get trigger(): Trigger {
    this.triggerOnce ??= decideTrigger({
      typeNames: this.typeNames,
      eventPaths: this.eventPaths,
      exits: () => this.exits,
      integrationSetting: this.facts.settings.integration,
      described: this.described?.integration,
    });
    return this.triggerOnce;
  }

  get integration(): Integration {
    return this.decidedIntegration.integration;
  }

  get integrationSource(): IntegrationSource {
    return this.decidedIntegration.source;
  }

  /** An ALB target group with multi-value headers on: responses must use `multiValueHeaders`. */
  get albMultiValueHeaders(): boolean | undefined {
    return this.described?.integration === 'alb' ? this.described.albMultiValueHeaders : undefined;
  }

  private get decidedIntegration(): { integration: Integration; source: IntegrationSource } {
    this.integrationOnce ??= decideIntegration({
      typeNames: this.typeNames,
      eventPaths: this.eventPaths,
      integrationSetting: this.facts.settings.integration,
      described: this.described?.integration,
    });
    return this.integrationOnce;
  }
}

/** The shared model of a file: its handlers, and the facts they were found with. */
export interface FileAnalysis {
  readonly facts: FileFacts;
  readonly handlers: readonly LambdaHandler[];
}

const NO_HANDLERS: readonly LambdaHandler[] = [];
const analyses = new WeakMap<TSESTree.Program, FileAnalysis>();
/** The file every rule is linting right now: the rules of one file ask one after the other. */
let latest: { program: TSESTree.Program; analysis: FileAnalysis } | undefined;

function buildAnalysis(context: AnyContext): FileAnalysis {
  const facts = new FileFacts(context);
  const sourceCode = context.sourceCode;
  const found = findHandlers(sourceCode.ast, {
    handlerNames: () => facts.handlerNames(),
    describedNames: () => facts.describedNames,
    facts,
    javaScriptText: facts.isJavaScript ? sourceCode.text : undefined,
  });
  // A module of a service on another cloud is asked about only when it looks like a handler.
  if (found.length === 0 || facts.otherCloud) return { facts, handlers: NO_HANDLERS };
  return { facts, handlers: found.map((entry) => new LambdaHandler(entry, facts)) };
}

/** The shared model of a file, computed once and read by every rule. */
export function analyzeFile(context: AnyContext): FileAnalysis {
  const program = context.sourceCode.ast;
  if (latest?.program === program) return latest.analysis;
  let analysis = analyses.get(program);
  if (!analysis) {
    analysis = buildAnalysis(context);
    if (analysisStats.counting) analysisStats.handlers.set(context.filename, analysis.handlers.length);
    analyses.set(program, analysis);
  }
  latest = { program, analysis };
  return analysis;
}
