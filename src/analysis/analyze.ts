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
import { type Integration, type LambdaSettings, readSettings } from './settings.js';
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

  constructor(
    found: FoundHandler,
    private readonly file: { resolver: ValueResolver; types: TypeFacts | null; settings: LambdaSettings },
  ) {
    this.function = found.function;
    this.exportName = found.exportName;
    this.exported = found.exported;
    this.wrapper = found.wrapper;
    this.parameters = handlerParameters(found.function);
    this.runtime = decideRuntime(file.settings);
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
      this.cachedTypeNames = event && this.file.types ? this.file.types.typeNames(event) : [];
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
    });
    return this.cachedTrigger;
  }

  get integration(): Integration {
    return this.decidedIntegration.integration;
  }

  get integrationSource(): IntegrationSource {
    return this.decidedIntegration.source;
  }

  private get decidedIntegration(): { integration: Integration; source: IntegrationSource } {
    this.cachedIntegration ??= decideIntegration({
      typeNames: this.typeNames,
      eventPaths: this.eventPaths,
      integrationSetting: this.file.settings.integration,
    });
    return this.cachedIntegration;
  }
}

export interface FileAnalysis {
  readonly handlers: readonly LambdaHandler[];
  readonly settings: LambdaSettings;
  /** Type information, or null when the file is linted without a TypeScript program. */
  readonly types: TypeFacts | null;
  readonly resolver: ValueResolver;
}

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;
const analyses = new WeakMap<TSESTree.Program, FileAnalysis>();

/** The shared model of a file, computed once and read by every rule. */
export function analyzeFile(context: AnyContext): FileAnalysis {
  const program = context.sourceCode.ast;
  const cached = analyses.get(program);
  if (cached) return cached;
  const settings = readSettings(context.settings);
  const types = loadTypeFacts(context);
  const resolver = new ValueResolver(context.sourceCode, types);
  const file = { resolver, types, settings };
  const handlers = findHandlers(program, { handlerNames: settings.handlerNames, resolver, types }).map(
    (found) => new LambdaHandler(found, file),
  );
  const analysis: FileAnalysis = { handlers, settings, types, resolver };
  if (analysisStats.counting) analysisStats.handlers.set(context.filename, handlers.length);
  analyses.set(program, analysis);
  return analysis;
}
