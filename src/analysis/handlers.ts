import type { TSESTree } from '@typescript-eslint/utils';
import { GENERIC_LAMBDA_TYPES, integrationOfTypeName } from '../contract/aws-lambda-types.js';
import { EVENT_FIELD_KINDS, EVENT_TYPE_OF } from '../contract/event-fields.js';
import { type ExportCandidate, forEachExport } from './exports.js';
import { LambdaTypeImports } from './lambda-types.js';
import { type FunctionNode, isFunctionNode, memberPath, skipTypeWrappers, type ValueResolver } from './resolve.js';
import { returnedFunction } from './wrappers.js';
import { staticKeyName, type ValueKind } from './shape.js';
import { BINARY_TYPE_NAMES, type TypeFacts } from './types.js';

/** How the exported value wraps the function the runtime ends up calling. */
export type HandlerWrapper = 'none' | 'streaming' | 'call';

export interface FoundHandler {
  readonly function: FunctionNode;
  /** The name Lambda finds it by (`handler` in `index.handler`); `default` for a default export. */
  readonly exportName: string;
  /** The exported expression or declaration. */
  readonly exported: TSESTree.Node;
  /** `streaming` inside `awslambda.streamifyResponse(...)`, `call` inside any other call (`middy(fn)`). */
  readonly wrapper: HandlerWrapper;
  /** `@types/aws-lambda` type names written on the export, the function's parameters or its return type. */
  readonly annotatedTypeNames: readonly string[];
  /**
   * The fields of its event and their kinds, where the code types the event as one HTTP event of
   * `@types/aws-lambda`: its own annotation (`event: ALBEvent`), or the export's handler type
   * (`export const handler: ALBHandler = async (event) => ...`).
   */
  readonly eventFields: Readonly<Record<string, ValueKind>> | undefined;
}

/** Modules whose import says that a file is UI code, never a Lambda handler. */
const UI_MODULES = /^(?:react|react-dom|preact|vue|svelte|solid-js|@angular\/core)(?:\/|$)/u;
const PRIMITIVE_TYPES = new Set([
  'TSStringKeyword',
  'TSNumberKeyword',
  'TSBooleanKeyword',
  'TSBigIntKeyword',
  'TSSymbolKeyword',
  'TSNeverKeyword',
  'TSVoidKeyword',
  'TSUndefinedKeyword',
  'TSNullKeyword',
  'TSLiteralType',
  'TSFunctionType',
  'TSArrayType',
  'TSTupleType',
]);
/** Parameter types of code that is not a Lambda handler: DOM and React events, Node.js and web servers. */
const NOT_EVENT_TYPES =
  /^(?:NodeJS|React|Express|Koa|Fastify|Next)\b|^(?:Mouse|Keyboard|Pointer|Focus|Touch|Wheel|Drag|Input|Change|Form|Clipboard|Synthetic|Custom|Message|Submit|UI)?Event$|^(?:IncomingMessage|ServerResponse|NextApiRequest|NextRequest|FastifyRequest|Request)$/u;

export interface FindHandlersOptions {
  /** The export names that are handlers, asked for only when the module exports anything. */
  readonly handlerNames: () => readonly string[];
  /** The export names a deployment descriptor names: handlers whatever their parameters look like. */
  readonly describedNames: () => ReadonlySet<string>;
  /** Where the resolver and type information come from, made only when a candidate needs them. */
  readonly facts: { readonly resolver: ValueResolver; readonly types: TypeFacts | null };
  /**
   * The text of a JavaScript file. There only its name makes an export a handler (types written on
   * an export are TypeScript syntax), so a module whose text holds none of the names has none.
   */
  readonly javaScriptText?: string | undefined;
}

/**
 * The functions that the Lambda runtime calls, among the exports of a module. Most modules are not
 * handlers, so an export is passed over by its name and syntax before anything is allocated for it.
 */
export function findHandlers(program: TSESTree.Program, options: FindHandlersOptions): FoundHandler[] {
  let names: readonly string[] | undefined;
  let candidates: ExportCandidate[] | undefined;
  const scan = { noneNamed: false };
  const consider = (candidate: ExportCandidate): void => {
    if (names === undefined) {
      names = options.handlerNames();
      // A JavaScript module whose text spells none of the names has no handler.
      scan.noneNamed = options.javaScriptText !== undefined && !mayNameAny(options.javaScriptText, names);
    }
    if (scan.noneNamed) return;
    const named = names.includes(candidate.name);
    if (candidate.isDefault ? !named : !named && !mayBeTypedHandler(candidate)) return;
    (candidates ??= []).push(candidate);
  };
  const lambdaTypes = new LambdaTypeImports();
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      if (UI_MODULES.test(statement.source.value)) return [];
      lambdaTypes.add(statement);
    } else if (statement.type === 'TSImportEqualsDeclaration') {
      lambdaTypes.add(statement);
    } else if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' || statement.type === 'ExpressionStatement') {
      forEachExport(statement, consider);
      if (scan.noneNamed) return [];
    }
  }
  if (!candidates || !names) return [];
  const nameSet = new Set(names);
  const handlers: FoundHandler[] = [];
  const seen = new Set<FunctionNode>();
  for (const candidate of candidates) {
    const target = unwrapHandler(candidate.expression, options.facts);
    if (!target || seen.has(target.function)) continue;
    const annotatedTypeNames = [
      ...lambdaTypes.namesIn(candidate.annotation),
      ...target.typeArguments.flatMap((argument) => lambdaTypes.namesIn(argument)),
      ...lambdaTypes.namesIn(target.function.params[0] && parameterAnnotation(target.function.params[0])),
      ...lambdaTypes.namesIn(target.function.returnType?.typeAnnotation),
    ];
    if (!isHandler(candidate, target.function, annotatedTypeNames, nameSet, lambdaTypes, options)) continue;
    seen.add(target.function);
    handlers.push({
      function: target.function,
      exportName: candidate.name,
      exported: candidate.expression,
      wrapper: target.wrapper,
      annotatedTypeNames,
      eventFields: eventFieldsOf(candidate, target.function, lambdaTypes),
    });
  }
  return handlers;
}

/** What `FoundHandler.eventFields` says: from the event's own annotation, or the export's when it types the function itself. */
function eventFieldsOf(candidate: ExportCandidate, fn: FunctionNode, lambdaTypes: LambdaTypeImports): Readonly<Record<string, ValueKind>> | undefined {
  const event = fn.params[0];
  if (event?.type !== 'Identifier') return undefined;
  const own = lambdaTypes.nameOf(parameterAnnotation(event));
  const fromExport = own === undefined && skipTypeWrappers(candidate.expression) === fn ? lambdaTypes.nameOf(candidate.annotation) : undefined;
  const name = own ?? (fromExport?.includes('Handler') ? fromExport : undefined);
  const eventType = name !== undefined && Object.hasOwn(EVENT_TYPE_OF, name) ? EVENT_TYPE_OF[name] : undefined;
  return eventType !== undefined && Object.hasOwn(EVENT_FIELD_KINDS, eventType) ? EVENT_FIELD_KINDS[eventType] : undefined;
}

function isHandler(
  candidate: ExportCandidate,
  fn: FunctionNode,
  annotatedTypeNames: readonly string[],
  names: ReadonlySet<string>,
  lambdaTypes: LambdaTypeImports,
  options: FindHandlersOptions,
): boolean {
  const event = fn.params[0];
  const named = names.has(candidate.name);
  // Another name: only types make it a handler, and only a named type is worth a question to the checker.
  if (!named && !isTypeReference(candidate.annotation) && !isTypeReference(event && parameterAnnotation(event))) {
    return false;
  }
  // `(req, res)` and web event types say "not Lambda", unless a descriptor names the export.
  const notEvent = () => event !== undefined && !options.describedNames().has(candidate.name) && isNotEventParameter(fn, lambdaTypes, options.facts);
  if (named) return !notEvent();
  // Any other name: the types must say it, and a helper that takes the event must not pass for a handler.
  // What the syntax shows comes first: the checker is asked only when nothing else rules it out.
  const annotatedAsHandler = lambdaTypes.namesIn(candidate.annotation).some(
    (name) => /Handler/u.test(name) && integrationOfTypeName(name) !== undefined,
  );
  if (annotatedAsHandler) return !notEvent();
  const answersLikeHandler = fn.returnType
    ? lambdaTypes.namesIn(fn.returnType.typeAnnotation).some((name) => integrationOfTypeName(name) !== undefined)
    : fn.params.length >= 2 || annotatedTypeNames.some((name) => /Result/u.test(name));
  if (!answersLikeHandler || !event) return false;
  const written = lambdaTypes.namesIn(parameterAnnotation(event));
  if (!written.some(isHttpTypeName) && !(eventTypeNames(event, options.facts).some(isHttpTypeName))) return false;
  return !notEvent();
}

/** A type of an event that API Gateway, a Function URL or the load balancer sends. */
function isHttpTypeName(name: string): boolean {
  const integration = integrationOfTypeName(name);
  return integration !== undefined && integration !== 'other';
}

/** Whether a module's text can spell one of the names: it holds the name, or a `\u` escape. */
function mayNameAny(text: string, names: readonly string[]): boolean {
  return text.includes('\\u') || names.some((name) => text.includes(name));
}

/** `(signal: NodeJS.Signals)`, `(e: MouseEvent)`, `(req, res)`: not an event a Lambda runtime passes. */
function isNotEventParameter(
  fn: FunctionNode,
  lambdaTypes: LambdaTypeImports,
  file: { readonly types: TypeFacts | null; readonly resolver: ValueResolver },
): boolean {
  const [event] = fn.params;
  const annotation = event && parameterAnnotation(event);
  if (annotation) {
    if (PRIMITIVE_TYPES.has(annotation.type)) return true;
    if (annotation.type === 'TSUnionType' && annotation.types.every((member) => PRIMITIVE_TYPES.has(member.type))) {
      return true;
    }
    const lambdaTypeNames = lambdaTypes.namesIn(annotation);
    if (
      annotation.type === 'TSTypeReference' &&
      lambdaTypeNames.length === 0 &&
      NOT_EVENT_TYPES.test(typeReferenceText(annotation.typeName))
    ) {
      return true;
    }
    // A named type the syntax does not place: the checker says whether it is an object.
    const types =
      annotation.type === 'TSTypeReference' && !lambdaTypeNames.some(isLambdaTypeName) && !isPlainLocalInterface(event, file.resolver)
        ? file.types
        : null;
    if (types) {
      const kind = types.kindOf(event);
      if (kind !== 'object' && kind !== 'unknown') return true;
    }
  }
  const names = fn.params.map((parameter) => (parameter.type === 'Identifier' ? parameter.name : undefined));
  // `(req, res)` of a web server, and `(err, req, res, next)` of an Express error middleware.
  const web = (request: string | undefined, response: string | undefined): boolean =>
    (request === 'req' || request === 'request') && (response === 'res' || response === 'response' || response === 'reply');
  return web(names[0], names[1]) || (fn.params.length === 4 && web(names[1], names[2]));
}

/**
 * A cheap look at an export with another name: only a named type on the export or on its first
 * parameter can make it a handler, so everything else is passed over before anything is resolved.
 */
function mayBeTypedHandler(candidate: ExportCandidate): boolean {
  if (isTypeReference(candidate.annotation)) return true;
  const expression = skipTypeWrappers(candidate.expression);
  if (expression.type === 'Identifier') return true;
  const first = isFunctionNode(expression) ? expression.params[0] : undefined;
  return first !== undefined && isTypeReference(parameterAnnotation(first));
}

function isTypeReference(node: TSESTree.TypeNode | undefined): boolean {
  return node?.type === 'TSTypeReference';
}

function isLambdaTypeName(name: string): boolean {
  return integrationOfTypeName(name) !== undefined || GENERIC_LAMBDA_TYPES.has(name);
}

/**
 * The `@types/aws-lambda` names of an event parameter's type, from the checker. None without type
 * information, and none, without asking, for an interface of the file (`event: Input`).
 */
export function eventTypeNames(
  event: TSESTree.Parameter,
  file: { readonly types: TypeFacts | null; readonly resolver: ValueResolver },
): readonly string[] {
  return file.types && !isPlainLocalInterface(event, file.resolver) ? file.types.typeNames(event) : [];
}

/**
 * A parameter typed with an interface the file declares, that extends nothing and is neither callable
 * nor a thenable (`interface Input { orderId: string }`): the checker would answer an object type
 * declared here, which is neither a Lambda event type nor anything but an object, so it is not asked.
 */
export function isPlainLocalInterface(parameter: TSESTree.Parameter, resolver: ValueResolver): boolean {
  const annotation = parameterAnnotation(parameter);
  if (annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier' || annotation.typeArguments) return false;
  const definitions = resolver.variableOf(annotation.typeName)?.defs;
  const declaration = definitions?.length === 1 ? definitions[0]!.node : undefined;
  return (
    declaration?.type === 'TSInterfaceDeclaration' &&
    declaration.extends.length === 0 &&
    !declaration.typeParameters &&
    !BINARY_TYPE_NAMES.has(declaration.id.name) &&
    declaration.body.body.every(
      (member) =>
        (member.type === 'TSPropertySignature' || member.type === 'TSMethodSignature' || member.type === 'TSIndexSignature') &&
        !(member.type !== 'TSIndexSignature' && staticKeyName(member.key, member.computed) === 'then'),
    )
  );
}

function parameterAnnotation(parameter: TSESTree.Parameter): TSESTree.TypeNode | undefined {
  const target = parameter.type === 'AssignmentPattern' ? parameter.left : parameter;
  return 'typeAnnotation' in target ? target.typeAnnotation?.typeAnnotation : undefined;
}

function typeReferenceText(name: TSESTree.EntityName): string {
  if (name.type === 'Identifier') return name.name;
  if (name.type === 'TSQualifiedName') return `${typeReferenceText(name.left)}.${name.right.name}`;
  return 'this';
}

interface UnwrappedHandler {
  readonly function: FunctionNode;
  readonly wrapper: HandlerWrapper;
  readonly typeArguments: TSESTree.TSTypeParameterInstantiation[];
}

/**
 * The function an exported expression runs: itself, what an identifier is bound to, or the function
 * inside a wrapper call (`awslambda.streamifyResponse(fn)`, `middy(fn).use(...)`, `middy().handler(fn)`).
 */
function unwrapHandler(
  expression: TSESTree.Node,
  file: { readonly resolver: ValueResolver },
  depth = 0,
): UnwrappedHandler | undefined {
  const node = skipTypeWrappers(expression);
  if (depth > 8) return undefined;
  if (isFunctionNode(node)) return { function: node, wrapper: 'none', typeArguments: [] };
  if (node.type === 'Identifier') {
    // The resolver (and, through it, type information) is made only for an export that names a binding.
    const resolver = file.resolver;
    const fn = resolver.functionOf(node);
    if (fn) return { function: fn, wrapper: 'none', typeArguments: [] };
    const variable = resolver.variableOf(node);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type === 'Variable' && definition.node.init && definition.parent.kind === 'const') {
      return unwrapHandler(definition.node.init, file, depth + 1);
    }
    return undefined;
  }
  if (node.type !== 'CallExpression') return undefined;
  const callee = skipTypeWrappers(node.callee);
  const path = memberPath(callee);
  const streaming =
    path?.[1] === 'streamifyResponse' || (callee.type === 'Identifier' && callee.name === 'streamifyResponse');
  const typeArguments = chainTypeArguments(node);
  const first = node.arguments[0];
  const inner = first && first.type !== 'SpreadElement' ? unwrapHandler(first, file, depth + 1) : undefined;
  if (inner) {
    // A factory, `metricScope((metrics) => async (event, context) => ...)`: the handler is what it returns.
    const made = returnedFunction(inner.function);
    return {
      function: made ?? inner.function,
      wrapper: streaming ? 'streaming' : inner.wrapper === 'streaming' ? 'streaming' : 'call',
      typeArguments: [...typeArguments, ...inner.typeArguments],
    };
  }
  if (callee.type === 'MemberExpression') {
    const chained = unwrapHandler(callee.object, file, depth + 1);
    if (chained) return { ...chained, typeArguments };
  }
  return undefined;
}

/** The type arguments of every call in a chain: `middy<Event>().use(x).handler(fn)` gives `<Event>`. */
function chainTypeArguments(call: TSESTree.CallExpression): TSESTree.TSTypeParameterInstantiation[] {
  const found: TSESTree.TSTypeParameterInstantiation[] = [];
  let current: TSESTree.Node = call;
  while (current.type === 'CallExpression') {
    if (current.typeArguments) found.push(current.typeArguments);
    const callee = skipTypeWrappers(current.callee);
    if (callee.type !== 'MemberExpression') break;
    current = skipTypeWrappers(callee.object);
  }
  return found;
}
