import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { forEachExport } from './exports.js';
import { type FunctionNode, isFunctionNode, memberPath, skipTypeWrappers } from './resolve.js';
import { destructuredName, importedName, parsedFile, requiredModule, resolveImport, visit } from './source-files.js';

/**
 * Who turns a wrapped handler's return value into the proxy response. A handler exported as a call
 * (`middy(base)`, `handler(async (event) => item)`, `arc.http(fn)`) answers what the wrapper makes of
 * its function's return value, so the shape checks follow the wrapper:
 * - `self`: the return value is the proxy response (no wrapper, or one that passes it on, as middy
 *   does without a serializer);
 * - `serializer`: middy with `@middy/http-response-serializer`, which wraps a bare value into
 *   `{ statusCode: 200, body }` and serializes an object `body` unless the response sets `Content-Type`;
 * - `body`: a wrapper of the project that answers `{ statusCode, body: JSON.stringify(<return value>) }`;
 * - `unknown`: a wrapper whose source is not in the project, or whose answer is not followed: nothing
 *   is said about the function's return values.
 */
export type ResponseBuilder = 'self' | 'serializer' | 'body' | 'unknown';

/** Facts measured from middy's published source (`@middy/core` 6, `@middy/util` 6). */
const MIDDY_MODULES = new Set(['@middy/core', 'middy']);
const MIDDY_SERIALIZER = '@middy/http-response-serializer';
/** middy's chain methods: they add middlewares and return the same handler. */
const MIDDY_CHAIN = new Set(['use', 'before', 'after', 'onError']);

interface Scope {
  variableOf(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null;
}

/** How the exported expression wraps `fn`, and so who builds the response. */
export function responseBuilder(exported: TSESTree.Node, fn: FunctionNode, scope: Scope, filename: string): ResponseBuilder {
  const wrapping = wrappingOf(exported, fn, scope);
  if (!wrapping || wrapping.calls.length === 0) return 'self';
  let builder: ResponseBuilder = 'self';
  // From the outside in: the innermost wrapper is the one that sees the function's return value.
  for (const call of wrapping.calls) {
    const kind = wrapperKind(call, scope, filename);
    if (kind === 'unknown') return 'unknown';
    if (kind === 'middy') builder = wrapping.middlewares.some((middleware) => isSerializer(middleware, scope)) ? 'serializer' : builder;
    else builder = kind;
  }
  return builder;
}

interface Wrapping {
  /** The calls that take the function (or what wraps it), outermost first. */
  readonly calls: TSESTree.CallExpression[];
  /** The arguments of middy's `.use(...)`, `.before(...)` ... calls. */
  readonly middlewares: TSESTree.Node[];
}

function wrappingOf(exported: TSESTree.Node, fn: FunctionNode, scope: Scope): Wrapping | undefined {
  const calls: TSESTree.CallExpression[] = [];
  const middlewares: TSESTree.Node[] = [];
  let node = skipTypeWrappers(exported);
  for (let depth = 0; depth < 16; depth += 1) {
    if (node === fn || isFunctionNode(node)) return { calls, middlewares };
    if (node.type === 'Identifier') {
      const init = constInit(node, scope);
      if (!init) return undefined;
      node = skipTypeWrappers(init);
      continue;
    }
    if (node.type !== 'CallExpression') return undefined;
    const callee = skipTypeWrappers(node.callee);
    const method = callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : undefined;
    if (callee.type === 'MemberExpression' && method !== undefined && MIDDY_CHAIN.has(method)) {
      middlewares.push(...middlewareArguments(node));
      node = skipTypeWrappers(callee.object);
      continue;
    }
    calls.push(node);
    // `middy().use(a).use(b).handler(fn)`: the middlewares sit on the chain before `.handler`.
    let chained = skipTypeWrappers(callee);
    while (chained.type === 'MemberExpression' && chained.object.type === 'CallExpression') {
      const link = chained.object;
      const linkCallee = skipTypeWrappers(link.callee);
      if (linkCallee.type === 'MemberExpression' && linkCallee.property.type === 'Identifier' && MIDDY_CHAIN.has(linkCallee.property.name)) {
        middlewares.push(...middlewareArguments(link));
      }
      chained = linkCallee;
    }
    const first = node.arguments[0];
    // `middy().handler(fn)`: the function is the argument of `.handler`, the wrapper the chain's start.
    if (!first || first.type === 'SpreadElement') return undefined;
    node = skipTypeWrappers(first);
  }
  return undefined;
}

/** The middlewares of `.use(a)` and `.use([a, b])`. */
function middlewareArguments(call: TSESTree.CallExpression): TSESTree.Node[] {
  return call.arguments.flatMap((argument) => (argument.type === 'ArrayExpression' ? argument.elements.filter((element) => element !== null) : [argument]));
}

/** What a wrapping call is: middy, a project wrapper whose answer is known, or unknown. */
function wrapperKind(call: TSESTree.CallExpression, scope: Scope, filename: string): 'middy' | 'self' | 'body' | 'unknown' {
  let callee = skipTypeWrappers(call.callee);
  // `middy().use(x).handler(fn)`: the chain's start names the wrapper.
  while (callee.type === 'MemberExpression' && callee.object.type === 'CallExpression') {
    callee = skipTypeWrappers(callee.object.callee);
  }
  if (callee.type !== 'Identifier') return 'unknown';
  const variable = scope.variableOf(callee);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!definition) return 'unknown';
  if (definition.type === 'ImportBinding') {
    const declaration = definition.parent;
    if (declaration.type !== 'ImportDeclaration') return 'unknown';
    const source = declaration.source.value;
    if (MIDDY_MODULES.has(source)) return 'middy';
    const name = definition.node.type === 'TSImportEqualsDeclaration' ? '*' : importedName(definition.node);
    return name === '*' ? 'unknown' : importedWrapperKind(filename, source, name);
  }
  if (definition.type === 'Variable' && definition.node.init) {
    const required = requiredModule(definition.node.init);
    if (required !== undefined) {
      if (MIDDY_MODULES.has(required)) return 'middy';
      const id = definition.node.id;
      // `const handler = require('./lib')`, or `const { handler } = require('./lib')`.
      const name = id.type === 'Identifier' ? 'module.exports' : destructuredName(id, callee.name);
      return name === undefined ? 'unknown' : importedWrapperKind(filename, required, name);
    }
    const init = skipTypeWrappers(definition.node.init);
    return isFunctionNode(init) ? factoryKind(init) : 'unknown';
  }
  if (definition.type === 'FunctionName' && isFunctionNode(definition.node)) return factoryKind(definition.node);
  return 'unknown';
}

/** A wrapper imported from a module of the project: read its source; a package's is not read. */
function importedWrapperKind(filename: string, source: string, name: string): 'self' | 'body' | 'unknown' {
  const file = resolveImport(path.dirname(filename), source);
  const program = file ? parsedFile(file) : undefined;
  const factory = program ? exportedFunction(program, name) : undefined;
  return factory ? factoryKind(factory) : 'unknown';
}

/** The function a module exports under a name (`default` and `module.exports` for the whole module). */
function exportedFunction(program: TSESTree.Program, name: string): FunctionNode | undefined {
  const topLevel = new Map<string, TSESTree.Node>();
  const exported = new Map<string, TSESTree.Node>();
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
      topLevel.set(declaration.id.name, declaration);
    } else if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.init) topLevel.set(declarator.id.name, declarator.init);
      }
    }
    forEachExport(statement, (candidate) => exported.set(candidate.name, candidate.expression));
    // `module.exports = handler`: the whole module, which `import x from` and `require` both give.
    const assignment = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
    if (assignment?.type === 'AssignmentExpression' && memberPath(assignment.left)?.join('.') === 'module.exports') {
      exported.set('module.exports', assignment.right);
    }
  }
  const target = exported.get(name) ?? (name === 'default' ? exported.get('module.exports') : name === 'module.exports' ? exported.get('default') : undefined);
  let node = target && skipTypeWrappers(target);
  for (let depth = 0; node && depth < 4; depth += 1) {
    if (isFunctionNode(node)) return node;
    node = node.type === 'Identifier' ? topLevel.get(node.name) : undefined;
    if (node) node = skipTypeWrappers(node);
  }
  return undefined;
}

/**
 * What a wrapper factory `(fn) => async (event, context) => { ... }` answers: `body` when the object it
 * returns has `body: JSON.stringify(x)` with `x` from calling `fn`, `self` when it returns what `fn`
 * returns, `unknown` for anything else.
 */
function factoryKind(factory: FunctionNode): 'self' | 'body' | 'unknown' {
  const parameter = factory.params[0];
  if (parameter?.type !== 'Identifier') return 'unknown';
  const inner = returnedFunction(factory);
  if (!inner) return 'unknown';
  const callsParameter = (node: TSESTree.Node | null | undefined): boolean => {
    const value = node && unwrapAwait(node);
    return value?.type === 'CallExpression' && value.callee.type === 'Identifier' && value.callee.name === parameter.name;
  };
  const results = new Set<string>();
  const returned: TSESTree.Node[] = inner.body.type === 'BlockStatement' ? [] : [inner.body];
  visit(inner.body, (node) => {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && callsParameter(node.init)) results.add(node.id.name);
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && callsParameter(node.right)) results.add(node.left.name);
    if (node.type === 'ReturnStatement' && node.argument && enclosing(node) === inner) returned.push(node.argument);
  });
  const isResult = (node: TSESTree.Node): boolean => {
    const value = unwrapAwait(node);
    return callsParameter(value) || (value.type === 'Identifier' && results.has(value.name));
  };
  let kind: 'self' | 'body' | 'unknown' = 'unknown';
  for (const value of returned.map(unwrapAwait)) {
    if (value.type === 'ObjectExpression' && value.properties.some((property) => isStringifiedBody(property, isResult))) return 'body';
    if (isResult(value)) kind = 'self';
  }
  return kind;
}

function isStringifiedBody(property: TSESTree.ObjectLiteralElement, isResult: (node: TSESTree.Node) => boolean): boolean {
  if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier' || property.key.name !== 'body') return false;
  const value = skipTypeWrappers(property.value);
  if (value.type !== 'CallExpression' || value.callee.type !== 'MemberExpression') return false;
  const { object, property: method } = value.callee;
  const stringify = object.type === 'Identifier' && object.name === 'JSON' && method.type === 'Identifier' && method.name === 'stringify';
  return stringify && value.arguments[0] !== undefined && isResult(value.arguments[0]);
}

/** The function a factory returns: its concise body, or what its `return` gives. */
export function returnedFunction(factory: FunctionNode): FunctionNode | undefined {
  if (factory.body.type !== 'BlockStatement') {
    const body = skipTypeWrappers(factory.body);
    return isFunctionNode(body) ? body : undefined;
  }
  for (const statement of factory.body.body) {
    if (statement.type === 'ReturnStatement' && statement.argument) {
      const value = skipTypeWrappers(statement.argument);
      if (isFunctionNode(value)) return value;
      if (value.type === 'Identifier') {
        for (const other of factory.body.body) {
          if (other.type === 'FunctionDeclaration' && other.id.name === value.name) return other;
        }
      }
    }
  }
  return undefined;
}

function unwrapAwait(node: TSESTree.Node): TSESTree.Node {
  const value = skipTypeWrappers(node);
  return value.type === 'AwaitExpression' ? skipTypeWrappers(value.argument) : value;
}

function enclosing(node: TSESTree.Node): TSESTree.Node | undefined {
  let current = node.parent;
  while (current && !isFunctionNode(current)) current = current.parent;
  return current;
}

/** A middleware made by `@middy/http-response-serializer`: `httpResponseSerializer({ ... })`. */
function isSerializer(middleware: TSESTree.Node, scope: Scope): boolean {
  let node = skipTypeWrappers(middleware);
  if (node.type === 'Identifier') node = skipTypeWrappers(constInit(node, scope) ?? node);
  if (node.type !== 'CallExpression') return false;
  const callee = skipTypeWrappers(node.callee);
  return callee.type === 'Identifier' && importSource(callee, scope) === MIDDY_SERIALIZER;
}

/** What a `const` holds: `x` in `const name = x`. */
export function constInit(identifier: TSESTree.Identifier, scope: Scope): TSESTree.Expression | undefined {
  const variable = scope.variableOf(identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.parent.kind !== 'const') return undefined;
  return definition.node.init ?? undefined;
}

/** The module a name is imported or required from: `serverless` in `import serverless from 'serverless-http'`. */
export function importSource(identifier: TSESTree.Identifier, scope: Scope): string | undefined {
  const definition = scope.variableOf(identifier)?.defs[0];
  if (definition?.type === 'ImportBinding') return definition.parent.type === 'ImportDeclaration' ? definition.parent.source.value : undefined;
  if (definition?.type === 'Variable' && definition.node.init) return requiredModule(definition.node.init);
  return undefined;
}
