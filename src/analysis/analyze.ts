import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';
import { type FoundHandler, findHandlers, type HandlerWrapper } from './handlers.js';
import {
  decideIntegration,
  decideTrigger,
  eventPaths,
  type IntegrationSource,
  type Trigger,
} from './integration.js';
import { type FunctionNode, ValueResolver } from './resolve.js';
import { collectExits, type HandlerExit, handlerParameters, type HandlerParameters } from './responses.js';
import { decideRuntime, type RuntimeLines } from './runtime.js';
import type { Integration } from '../contract/proxy-contract.js';
import { type LambdaSettings, readSettings } from './settings.js';
import { type DescribedFunction, describedFunctions } from './descriptors.js';
import { analysisStats, loadTypeFacts, type TypeFacts } from './types.js';

/**
 * One Lambda handler and what the rules need to know about it. Each fact is computed the first time a
 * rule asks, then kept for every other rule linting the same file.
 */
export class LambdaHandler {
  readonly function: FunctionNode;
  readonly exportName: string;
  readonly exported: TSESTree.Node;
  readonly wrapper: HandlerWrapper;
  readonly parameters: HandlerParameters;
  readonly runtime: RuntimeLines;
  private cachedExits: readonly HandlerExit[] | undefined;
  private cachedEventPaths: ReadonlySet<string> | undefined;
  private cachedTypeNames: readonly string[] | undefined;
  private cachedTrigger: Trigger | undefined;
  private cachedIntegration: { integration: Integration; source: IntegrationSource } | undefined;

  /** What the deployment descriptor says about this handler, if one names it. */
  readonly described: DescribedFunction | undefined;

  constructor(
    found: FoundHandler,
    private readonly file: FileAnalysis,
  ) {
    this.function = found.function;
    this.exportName = found.exportName;
    this.exported = found.exported;
    this.wrapper = found.wrapper;
    this.parameters = handlerParameters(found.function);
    this.described = file.described.find((entry) => entry.exportName === found.exportName);
    this.runtime = decideRuntime(file.settings, this.described?.runtime);
    this.cachedTypeNames = found.annotatedTypeNames.length > 0 ? found.annotatedTypeNames : undefined;
  }

  /** Whether the handler is an `async` function (its own keyword, not a returned promise). */
  get isAsync(): boolean {
    return this.function.async;
  }

  /** Every way a response leaves the handler, with the values it can have. */
  get exits(): readonly HandlerExit[] {
    this.cachedExits ??= collectExits(this.function, this.file.resolver);
    return this.cachedExits;
  }

  /** Property paths the handler reads from its event (`httpMethod`, `requestContext.http`). */
  get eventPaths(): ReadonlySet<string> {
    this.cachedEventPaths ??= eventPaths(this.parameters.event, this.file.resolver);
    return this.cachedEventPaths;
  }

  /** `@types/aws-lambda` names written on the handler or, with type information, of its event. */
  get typeNames(): readonly string[] {
    if (this.cachedTypeNames === undefined) {
      const event = this.parameters.event;
      // In JavaScript without JSDoc types an event parameter is `any`: no question worth asking.
      this.cachedTypeNames =
        event && this.file.types && !this.file.untypedJavaScript ? this.file.types.typeNames(event) : [];
    }
    return this.cachedTypeNames;
  }

  /** `http` for API Gateway, Function URL and ALB handlers; response-shape checks apply only to them. */
  get trigger(): Trigger {
    this.cachedTrigger ??= decideTrigger({
      typeNames: this.typeNames,
      eventPaths: this.eventPaths,
      exits: () => this.exits,
      integrationSetting: this.file.settings.integration,
      described: this.described?.integration,
    });
    return this.cachedTrigger;
  }

  get integration(): Integration {
    return this.decidedIntegration.integration;
  }

  /** An ALB target group with multi-value headers on: responses must use `multiValueHeaders`. */
  get albMultiValueHeaders(): boolean | undefined {
    return this.described?.integration === 'alb' ? this.described.albMultiValueHeaders : undefined;
  }

  get integrationSource(): IntegrationSource {
    return this.decidedIntegration.source;
  }

  private get decidedIntegration(): { integration: Integration; source: IntegrationSource } {
    this.cachedIntegration ??= decideIntegration({
      typeNames: this.typeNames,
      eventPaths: this.eventPaths,
      integrationSetting: this.file.settings.integration,
      described: this.described?.integration,
    });
    return this.cachedIntegration;
  }
}

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

/**
 * The shared model of a file. Type information and the value resolver are made on first use: a file
 * without handlers is one scan of its top-level statements.
 */
export class FileAnalysis {
  readonly settings: LambdaSettings;
  /** What the deployment descriptors above the file say about its exports. */
  readonly described: readonly DescribedFunction[];
  readonly handlers: readonly LambdaHandler[];
  private typesOnce: TypeFacts | null | undefined;
  private resolverOnce: ValueResolver | undefined;
  private untypedJavaScriptOnce: boolean | undefined;

  constructor(private readonly context: AnyContext) {
    const settings = readSettings(context.settings);
    this.settings = settings;
    let described: readonly DescribedFunction[] = [];
    // The descriptors are looked up only for a module that exports something.
    const handlerNames = (): readonly string[] => {
      described = settings.descriptors ? describedFunctions(context.filename) : [];
      return described.length > 0 ? [...settings.handlerNames, ...described.map((entry) => entry.exportName)] : settings.handlerNames;
    };
    const sourceCode = context.sourceCode;
    const found = findHandlers(sourceCode.ast, {
      handlerNames,
      file: this,
      javaScriptText: JAVASCRIPT_FILE.test(context.filename) ? sourceCode.text : undefined,
    });
    this.described = described;
    this.handlers = found.length === 0 ? NO_HANDLERS : found.map((entry) => new LambdaHandler(entry, this));
  }

  /** Type information, or null when the file is linted without a TypeScript program. */
  get types(): TypeFacts | null {
    if (this.typesOnce === undefined) this.typesOnce = loadTypeFacts(this.context);
    return this.typesOnce;
  }

  /** A JavaScript file without JSDoc types: its parameters are `any` to the checker. */
  get untypedJavaScript(): boolean {
    this.untypedJavaScriptOnce ??=
      JAVASCRIPT_FILE.test(this.context.filename) &&
      !this.context.sourceCode.getAllComments().some((comment) => JSDOC_TYPE_TAG.test(comment.value));
    return this.untypedJavaScriptOnce;
  }

  get resolver(): ValueResolver {
    this.resolverOnce ??= new ValueResolver(this.context.sourceCode, this.types);
    return this.resolverOnce;
  }
}

const NO_HANDLERS: readonly LambdaHandler[] = [];
const analyses = new WeakMap<TSESTree.Program, FileAnalysis>();
/** The file every rule is linting right now: the rules of one file ask one after the other. */
let latest: { program: TSESTree.Program; analysis: FileAnalysis } | undefined;
const JAVASCRIPT_FILE = /\.[cm]?jsx?$/u;
const JSDOC_TYPE_TAG = /@(?:type|param|typedef|callback|template|satisfies)\b/u;

/** The shared model of a file, computed once and read by every rule. */
export function analyzeFile(context: AnyContext): FileAnalysis {
  const program = context.sourceCode.ast;
  if (latest?.program === program) return latest.analysis;
  let analysis = analyses.get(program);
  if (!analysis) {
    analysis = new FileAnalysis(context);
    if (analysisStats.counting) analysisStats.handlers.set(context.filename, analysis.handlers.length);
    analyses.set(program, analysis);
  }
  latest = { program, analysis };
  return analysis;
}
