import type { TSESTree } from '@typescript-eslint/utils';
import { integrationOfTypeName } from './integration.js';
import { type FunctionNode, isFunctionNode, memberPath, skipTypeWrappers, type ValueResolver } from './resolve.js';
import { staticKeyName } from './shape.js';
import type { TypeFacts } from './types.js';

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
  /** Type names written on the export, the function's parameters or its return type. */
  readonly annotatedTypeNames: readonly string[];
}

interface ExportCandidate {
  readonly name: string;
  readonly expression: TSESTree.Node;
  /** A type annotation on the exported binding (`export const handler: Handler = ...`). */
  readonly annotation?: TSESTree.TypeNode | undefined;
  /** A default export, which is a handler only when its own name says so. */
  readonly isDefault?: boolean;
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
  /** Where the resolver and type information come from, made only when a candidate needs them. */
  readonly file: { readonly resolver: ValueResolver; readonly types: TypeFacts | null };
}

/** The functions that the Lambda runtime calls, among the exports of a module. */
export function findHandlers(program: TSESTree.Program, options: FindHandlersOptions): FoundHandler[] {
  if (program.body.some((statement) => statement.type === 'ImportDeclaration' && UI_MODULES.test(statement.source.value))) {
    return [];
  }
  const candidates = exportCandidates(program);
  if (candidates.length === 0) return [];
  const names = new Set(options.handlerNames());
  const handlers: FoundHandler[] = [];
  const seen = new Set<FunctionNode>();
  for (const candidate of candidates) {
    if (candidate.isDefault ? !names.has(candidate.name) : !names.has(candidate.name) && !mayBeTypedHandler(candidate)) {
      continue;
    }
    const target = unwrapHandler(candidate.expression, options.file.resolver);
    if (!target || seen.has(target.function)) continue;
    const annotatedTypeNames = [
      ...typeNamesIn(candidate.annotation),
      ...target.typeArguments.flatMap(typeNamesIn),
      ...typeNamesIn(target.function.params[0] && parameterAnnotation(target.function.params[0])),
      ...typeNamesIn(target.function.returnType?.typeAnnotation),
    ];
    if (!isHandler(candidate, target.function, annotatedTypeNames, names, options)) continue;
    seen.add(target.function);
    handlers.push({
      function: target.function,
      exportName: candidate.name,
      exported: candidate.expression,
      wrapper: target.wrapper,
      annotatedTypeNames,
    });
  }
  return handlers;
}

function isHandler(
  candidate: ExportCandidate,
  fn: FunctionNode,
  annotatedTypeNames: readonly string[],
  names: ReadonlySet<string>,
  options: FindHandlersOptions,
): boolean {
  const event = fn.params[0];
  const named = names.has(candidate.name);
  // Another name: only types make it a handler, and only a named type is worth a question to the checker.
  if (!named && !isTypeReference(candidate.annotation) && !isTypeReference(event && parameterAnnotation(event))) {
    return false;
  }
  if (event && isNotEventParameter(fn, options.file.types)) return false;
  if (named) return true;
  // Any other name: the types must say it, and a helper that takes the event must not pass for a handler.
  const annotatedAsHandler = typeNamesIn(candidate.annotation).some(
    (name) => /Handler/u.test(name) && integrationOfTypeName(name) !== undefined,
  );
  if (annotatedAsHandler) return true;
  const eventTypeNames = [
    ...typeNamesIn(event && parameterAnnotation(event)),
    ...(event && options.file.types ? options.file.types.typeNames(event) : []),
  ];
  const httpEvent = eventTypeNames.some((name) => {
    const integration = integrationOfTypeName(name);
    return integration !== undefined && integration !== 'other';
  });
  if (!httpEvent) return false;
  const returnNames = typeNamesIn(fn.returnType?.typeAnnotation);
  if (fn.returnType) return returnNames.some((name) => integrationOfTypeName(name) !== undefined);
  return fn.params.length >= 2 || annotatedTypeNames.some((name) => /Result/u.test(name));
}

/** `(signal: NodeJS.Signals)`, `(e: MouseEvent)`, `(req, res)`: not an event a Lambda runtime passes. */
function isNotEventParameter(fn: FunctionNode, types: TypeFacts | null): boolean {
  const [event, second] = fn.params;
  const annotation = event && parameterAnnotation(event);
  if (annotation) {
    if (PRIMITIVE_TYPES.has(annotation.type)) return true;
    if (annotation.type === 'TSUnionType' && annotation.types.every((member) => PRIMITIVE_TYPES.has(member.type))) {
      return true;
    }
    if (annotation.type === 'TSTypeReference' && NOT_EVENT_TYPES.test(typeReferenceText(annotation.typeName))) {
      return true;
    }
    // A named type the syntax does not place: the checker says whether it is an object.
    if (types && annotation.type === 'TSTypeReference' && !typeNamesIn(annotation).some(isLambdaTypeName)) {
      const kind = types.kindOf(event);
      if (kind !== 'object' && kind !== 'unknown') return true;
    }
  }
  const firstName = event?.type === 'Identifier' ? event.name : undefined;
  const secondName = second?.type === 'Identifier' ? second.name : undefined;
  return (
    (firstName === 'req' || firstName === 'request') &&
    (secondName === 'res' || secondName === 'response' || secondName === 'reply')
  );
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
  return integrationOfTypeName(name) !== undefined || /^(?:Handler|Context|Callback)$/u.test(name);
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

/** The names of the types referenced in an annotation, type arguments included (`lambda.X` gives `X`). */
export function typeNamesIn(node: TSESTree.Node | undefined): string[] {
  if (!node) return [];
  switch (node.type) {
    case 'TSTypeReference': {
      const name = node.typeName.type === 'TSQualifiedName' ? node.typeName.right.name : typeReferenceText(node.typeName);
      return [name, ...(node.typeArguments?.params.flatMap(typeNamesIn) ?? [])];
    }
    case 'TSUnionType':
    case 'TSIntersectionType':
      return node.types.flatMap(typeNamesIn);
    case 'TSTypeParameterInstantiation':
      return node.params.flatMap(typeNamesIn);
    default:
      return [];
  }
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
function unwrapHandler(expression: TSESTree.Node, resolver: ValueResolver, depth = 0): UnwrappedHandler | undefined {
  const node = skipTypeWrappers(expression);
  if (depth > 8) return undefined;
  if (isFunctionNode(node)) return { function: node, wrapper: 'none', typeArguments: [] };
  if (node.type === 'Identifier') {
    const fn = resolver.functionOf(node);
    if (fn) return { function: fn, wrapper: 'none', typeArguments: [] };
    const variable = resolver.variableOf(node);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type === 'Variable' && definition.node.init && definition.parent.kind === 'const') {
      return unwrapHandler(definition.node.init, resolver, depth + 1);
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
  const inner = first && first.type !== 'SpreadElement' ? unwrapHandler(first, resolver, depth + 1) : undefined;
  if (inner) {
    return {
      function: inner.function,
      wrapper: streaming ? 'streaming' : inner.wrapper === 'streaming' ? 'streaming' : 'call',
      typeArguments: [...typeArguments, ...inner.typeArguments],
    };
  }
  if (callee.type === 'MemberExpression') {
    const chained = unwrapHandler(callee.object, resolver, depth + 1);
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

/** Every export that may be a handler: ESM named exports, the default export, and CommonJS exports. */
function exportCandidates(program: TSESTree.Program): ExportCandidate[] {
  const candidates: ExportCandidate[] = [];
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ExportNamedDeclaration':
        candidates.push(...namedExportCandidates(statement));
        break;
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        const ownName =
          (declaration.type === 'FunctionDeclaration' || declaration.type === 'FunctionExpression') && declaration.id
            ? declaration.id.name
            : declaration.type === 'Identifier'
              ? declaration.name
              : undefined;
        if (ownName !== undefined) candidates.push({ name: ownName, expression: declaration, isDefault: true });
        break;
      }
      case 'ExpressionStatement':
        candidates.push(...commonJsCandidates(statement.expression));
        break;
      default:
        break;
    }
  }
  return candidates;
}

function namedExportCandidates(statement: TSESTree.ExportNamedDeclaration): ExportCandidate[] {
  const declaration = statement.declaration;
  if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
    return [{ name: declaration.id.name, expression: declaration }];
  }
  if (declaration?.type === 'VariableDeclaration') {
    return declaration.declarations.flatMap((declarator) =>
      declarator.id.type === 'Identifier' && declarator.init
        ? [{ name: declarator.id.name, expression: declarator.init, annotation: declarator.id.typeAnnotation?.typeAnnotation }]
        : [],
    );
  }
  if (statement.source || statement.exportKind === 'type') return [];
  return statement.specifiers.flatMap((specifier) =>
    specifier.exportKind !== 'type'
      ? [
          {
            name: specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value,
            expression: specifier.local,
          },
        ]
      : [],
  );
}

/** `exports.x = ...`, `module.exports.x = ...`, `module.exports = { x, y: fn }`. */
function commonJsCandidates(expression: TSESTree.Expression): ExportCandidate[] {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return [];
  const target = expression.left;
  if (target.type !== 'MemberExpression') return [];
  const name = staticKeyName(target.property, target.computed);
  if (name === undefined) return [];
  const objectPath = target.object.type === 'Identifier' ? target.object.name : memberPath(target.object)?.join('.');
  if (objectPath === 'exports' || objectPath === 'module.exports') {
    return [{ name, expression: expression.right }];
  }
  if (objectPath === 'module' && name === 'exports' && expression.right.type === 'ObjectExpression') {
    return expression.right.properties.flatMap((property) => {
      if (property.type !== 'Property') return [];
      const key = staticKeyName(property.key, property.computed);
      return key === undefined ? [] : [{ name: key, expression: property.value }];
    });
  }
  return [];
}
