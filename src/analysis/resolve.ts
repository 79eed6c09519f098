import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  commonKind,
  objectLiteralKeys,
  type ResolvedValue,
  type ResponseShape,
  type ShapeProperty,
  staticKeyName,
  type ValueKind,
} from './shape.js';
import { fullyKnown, importedCallResult, importedValue, type ModuleValue } from './module-values.js';
import { destructuredName, importedName, requiredModule } from './source-files.js';
import type { TypeFacts } from './types.js';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    node?.type === 'ArrowFunctionExpression' ||
    node?.type === 'FunctionDeclaration' ||
    node?.type === 'FunctionExpression'
  );
}

/** Unwraps TypeScript-only wrappers and optional chains, which do not change the value. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSTypeAssertion' ||
    current.type === 'TSInstantiationExpression' ||
    current.type === 'ChainExpression'
  ) {
    current = current.expression;
  }
  return current;
}

/** Whether one node's source range holds another's. */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** `a.b` as the pair of names, for static member expressions on an identifier. */
export function memberPath(node: TSESTree.Node): [string, string] | undefined {
  const member = skipTypeWrappers(node);
  if (member.type !== 'MemberExpression' || member.object.type !== 'Identifier') return undefined;
  const property = staticKeyName(member.property, member.computed);
  return property === undefined ? undefined : [member.object.name, property];
}

const STRING_METHODS = new Set([
  'toString',
  'toFixed',
  'toISOString',
  'toUTCString',
  'toJSON',
  'join',
  'trim',
  'toUpperCase',
  'toLowerCase',
  'padStart',
  'padEnd',
  'replace',
  'replaceAll',
  'slice',
  'substring',
]);
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);
const BINARY_CONSTRUCTORS = new Set(['Uint8Array', 'ArrayBuffer', 'Buffer', 'Blob', 'Uint16Array', 'Int8Array']);
const PLAIN_OBJECT_CONSTRUCTORS = new Set(['Map', 'Set', 'Date', 'Error', 'URL', 'URLSearchParams', 'Object']);
const MAX_DEPTH = 12;

/** A child worth walking into: a node, and a nested function only when asked for. */
function pushChild(stack: TSESTree.Node[], child: unknown, intoFunctions: boolean): void {
  if (child && typeof (child as TSESTree.Node).type === 'string' && (intoFunctions || !isFunctionNode(child as TSESTree.Node))) {
    stack.push(child as TSESTree.Node);
  }
}

/**
 * Follows expressions to the values they can have, through what the file shows: identifiers bound once,
 * conditionals, `await`, `Promise.resolve`, spreads, `x.key = ...` on a fresh object, and calls to
 * functions and object methods defined in the file. What the file does not show comes from the type
 * checker when there is one, and is `unknown` otherwise.
 */
export class ValueResolver {
  private readonly memo = new Map<TSESTree.Node, readonly ResolvedValue[]>();
  private readonly variables = new Map<TSESTree.Identifier, TSESLint.Scope.Variable | null>();
  private readonly active = new Set<TSESTree.Node>();
  /** Inside a call to a function of the file: what its parameters were given. */
  private frame: CallFrame | undefined;

  /**
   * @param untypedJavaScript a JavaScript file without JSDoc types: there a parameter that nothing
   *   types (no default, not a callback some call types) is `any` to the checker, and so is every
   *   member read from it, so the checker is not asked about them.
   * @param filename the linted file, whose imports of the project's own modules are read from their
   *   source (`ok(item)` from `../libs/response`); without it they are left to the checker.
   * @param eventFields for a handler's event parameter that the code types as an HTTP event of
   *   `@types/aws-lambda`, the kinds of its fields (`event.path` of an `ALBEvent` is a string): known
   *   without asking the checker, and without type information.
   */
  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly types: TypeFacts | null,
    private readonly untypedJavaScript = false,
    private readonly filename?: string,
    private readonly eventFields?: (parameter: TSESTree.Node) => Readonly<Record<string, ValueKind>> | undefined,
  ) {}

  resolve(node: TSESTree.Node): readonly ResolvedValue[] {
    const memo = this.frame?.memo ?? this.memo;
    const cached = memo.get(node);
    if (cached) return cached;
    if (this.active.has(node) || this.active.size > MAX_DEPTH) return [this.fromTypes(node)];
    this.active.add(node);
    try {
      const values = this.resolveUncached(node);
      memo.set(node, values);
      return values;
    } finally {
      this.active.delete(node);
    }
  }

  /** The values a promise settles with, and every other value as it is. */
  settle(values: readonly ResolvedValue[]): readonly ResolvedValue[] {
    return values.flatMap((value) => (value.kind === 'promise' && value.settled ? this.settle(value.settled) : [value]));
  }

  /** The variable an identifier refers to, if the scope manager knows it. */
  variableOf(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
    // Asked several times for one identifier (is it bound in the file, what does it hold, is it an
    // import): the scope walk is done once.
    let variable = this.variables.get(identifier);
    if (variable === undefined) {
      variable = ASTUtils.findVariable(this.sourceCode.getScope(identifier), identifier);
      this.variables.set(identifier, variable);
    }
    return variable;
  }

  /**
   * Whether the file can show what an identifier holds: a declaration of the file, or a parameter of a
   * call being followed. An import, a global or a plain parameter is left to the types of the call that
   * uses it, so the checker is not also asked about the callee (`ok(item)`, `responses.ok(item)`).
   */
  private boundInFile(identifier: TSESTree.Identifier): boolean {
    const variable = this.variableOf(identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !definition) return false;
    if (this.frame?.bindings.has(variable)) return true;
    return definition.type === 'FunctionName' || definition.type === 'ClassName' || definition.type === 'Variable';
  }

  /** The function an expression is, following identifiers bound once. */
  functionOf(node: TSESTree.Node): FunctionNode | undefined {
    const values = this.resolve(node);
    const only = values.length === 1 ? values[0] : undefined;
    return only?.kind === 'function' && isFunctionNode(only.node) ? only.node : undefined;
  }

  /** The expressions a function can return (not those of functions nested in it). */
  returnedExpressions(fn: FunctionNode): TSESTree.Node[] {
    if (fn.body.type !== 'BlockStatement') return [fn.body];
    const found: TSESTree.Node[] = [];
    this.walk(fn.body, (node) => {
      if (node.type === 'ReturnStatement' && node.argument) found.push(node.argument);
    });
    return found;
  }

  /** Visits every node below `root` that is not inside a nested function (or every node, `intoFunctions`). */
  walk(root: TSESTree.Node, visit: (node: TSESTree.Node) => void, intoFunctions = false): void {
    const keys = this.sourceCode.visitorKeys;
    const stack: TSESTree.Node[] = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      visit(node);
      for (const key of keys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(child)) {
          for (const item of child) pushChild(stack, item, intoFunctions);
        } else {
          pushChild(stack, child, intoFunctions);
        }
      }
    }
  }

  private resolveUncached(node: TSESTree.Node): readonly ResolvedValue[] {
    switch (node.type) {
      case 'AwaitExpression': {
        const json = isJsonCall(node.argument);
        return this.settle(this.resolve(node.argument)).map((value) => {
          const settled = value.kind === 'promise' ? this.fromTypes(node) : value;
          return settled.kind === 'unknown' && json ? { kind: 'object', node, parsedJson: true } : settled;
        });
      }
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
      case 'TSTypeAssertion':
      case 'ChainExpression':
        return this.resolve(node.expression);
      case 'ConditionalExpression':
        return [...this.resolve(node.consequent), ...this.resolve(node.alternate)];
      case 'LogicalExpression':
        return [...this.resolve(node.left), ...this.resolve(node.right)];
      case 'SequenceExpression':
        return this.resolve(node.expressions.at(-1)!);
      case 'AssignmentExpression':
        return node.operator === '=' ? this.resolve(node.right) : [this.fromTypes(node)];
      case 'Literal':
        return [{ kind: literalKind(node), node }];
      case 'TemplateLiteral':
        return [{ kind: 'string', node }];
      case 'ObjectExpression':
        return [{ kind: 'object', node, shape: this.shapeOfObject(node) }];
      case 'ArrayExpression':
        return [{ kind: 'array', node }];
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
      case 'ClassExpression':
        return [{ kind: 'function', node }];
      case 'Identifier':
        return node.name === 'undefined' ? [{ kind: 'undefined', node }] : this.resolveIdentifier(node);
      case 'UnaryExpression':
        return [{ kind: unaryKind(node.operator), node }];
      case 'BinaryExpression':
        return [{ kind: binaryKind(node, (side) => commonKind(this.resolve(side))), node }];
      case 'NewExpression':
        return [this.resolveNew(node)];
      case 'CallExpression':
        return this.resolveCall(node);
      case 'MemberExpression':
        return this.resolveMember(node);
      default:
        return [this.fromTypes(node)];
    }
  }

  private fromTypes(node: TSESTree.Node): ResolvedValue {
    const field = this.eventFieldKind(node);
    // An object field is left to the checker, which also tells its keys.
    if (field === 'unknown') return { kind: field, node };
    if (field !== undefined && (field !== 'object' || !this.types)) return { kind: field, node, fromType: true };
    if (!this.types || (this.untypedJavaScript && this.readFromUntypedParameter(node))) return { kind: 'unknown', node };
    const kind = this.types.kindOf(node);
    if (kind === 'promise') {
      const settledKind = this.types.kindOf(node, true);
      return { kind, node, fromType: true, settled: [this.typedValue(node, settledKind)] };
    }
    return this.typedValue(node, kind);
  }

  /** `event.path`, where `event` is a handler's event parameter of a known event type, never assigned. */
  private eventFieldKind(node: TSESTree.Node): ValueKind | undefined {
    if (!this.eventFields || node.type !== 'MemberExpression' || node.object.type !== 'Identifier') return undefined;
    const key = staticKeyName(node.property, node.computed);
    const variable = key === undefined ? undefined : this.variableOf(node.object);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (definition?.type !== 'Parameter' || variable!.references.some((reference) => reference.isWrite())) return undefined;
    const fields = this.eventFields(definition.name);
    return fields && Object.hasOwn(fields, key!) ? fields[key!] : undefined;
  }

  /**
   * `event`, `event.body`, `event.headers['x']`: a parameter of a function that no context types
   * (a declaration, or a function assigned to a variable, an export or `exports.x`), or a member of one.
   */
  private readFromUntypedParameter(node: TSESTree.Node): boolean {
    let root = node;
    while (root.type === 'MemberExpression' || root.type === 'ChainExpression') root = root.type === 'ChainExpression' ? root.expression : root.object;
    if (root.type !== 'Identifier') return false;
    const definition = this.variableOf(root)?.defs;
    const parameter = definition?.length === 1 && definition[0]!.type === 'Parameter' ? definition[0]!.name : undefined;
    const fn = parameter?.parent;
    if (!parameter || !isFunctionNode(fn) || !fn.params.includes(parameter)) return false;
    const parent = fn.parent;
    return (
      fn.type === 'FunctionDeclaration' ||
      (parent.type === 'VariableDeclarator' && parent.init === fn) ||
      parent.type === 'ExportDefaultDeclaration' ||
      (parent.type === 'AssignmentExpression' && parent.right === fn && isCommonJsExport(parent.left))
    );
  }

  private typedValue(node: TSESTree.Node, kind: ValueKind): ResolvedValue {
    if (kind !== 'object' || !this.types) return { kind, node, fromType: true };
    const properties = this.types.propertiesOf(node);
    return properties ? knownFromKinds(node, kind, properties.kinds, true, properties.optional) : { kind, node, fromType: true };
  }

  private resolveIdentifier(identifier: TSESTree.Identifier): readonly ResolvedValue[] {
    const variable = this.variableOf(identifier);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || !definition) return [this.fromTypes(identifier)];
    const bound = this.frame?.bindings.get(variable);
    if (bound) return bound();
    if (definition.type === 'FunctionName') return [{ kind: 'function', node: definition.node }];
    if (definition.type === 'ClassName') return [{ kind: 'function', node: definition.node }];
    // What a `catch` receives is almost always an Error (what `throw` and rejected SDK calls give).
    if (definition.type === 'CatchClause') return [{ kind: 'object', node: identifier, error: true }];
    const imported = this.fromModule(identifier, definition, false);
    if (imported) return imported;
    if (definition.type !== 'Variable' || definition.node.id.type !== 'Identifier') {
      return [this.fromTypes(identifier)];
    }
    const writes = variable.references.filter((reference) => reference.isWrite());
    const source = writes.length === 1 ? writes[0]?.writeExpr : undefined;
    if (!source) return [this.fromTypes(identifier)];
    return this.resolve(source).map((value) => this.withMutations(value, variable));
  }

  /**
   * `ITEMS[id]` on a constant table whose entries all have one kind is a value of that kind;
   * `STATUS_CODES[201]` from `node:http` is a reason phrase (`'Created'`), not a number.
   */
  private resolveMember(member: TSESTree.MemberExpression): readonly ResolvedValue[] {
    if (isReasonPhraseTable(member.object, (identifier) => this.variableOf(identifier))) {
      return [{ kind: 'string', node: member, reasonPhrase: true }];
    }
    const key = staticKeyName(member.property, member.computed);
    // Only a binding of the file can show its object's keys; the type of an import or a parameter
    // is not read here (the checker is asked about the member itself).
    const owners = member.object.type === 'Identifier' && this.boundInFile(member.object) ? this.resolve(member.object) : [];
    const owner = owners.length === 1 ? owners[0] : undefined;
    const shape = owner?.fromType ? undefined : owner?.shape;
    if (!shape?.complete || shape.node === undefined) return [this.fromTypes(member)];
    if (key !== undefined && !member.computed) {
      const property = shape.properties.get(key);
      return property ? property.values : [this.fromTypes(member)];
    }
    if (!member.computed || shape.properties.size === 0) return [this.fromTypes(member)];
    // A lookup by a key the file does not show: every entry, when they agree on their kind.
    const entries = [...shape.properties.values()];
    const kind = entries[0]!.kind;
    return kind !== 'unknown' && entries.every((entry) => entry.kind === kind) ? [{ kind, node: member }] : [this.fromTypes(member)];
  }

  /** Adds the keys that `name.key = value` assignments give a fresh object literal. */
  private withMutations(value: ResolvedValue, variable: TSESLint.Scope.Variable): ResolvedValue {
    if (value.node.type !== 'ObjectExpression' || !value.shape) return value;
    const added = new Map(value.shape.properties);
    let complete = value.shape.complete;
    let changed = false;
    for (const reference of variable.references) {
      const use = reference.identifier as TSESTree.Node;
      const parent = use.parent;
      if (parent?.type === 'MemberExpression' && parent.object === use) {
        const assignment = parent.parent;
        if (assignment.type === 'AssignmentExpression' && assignment.left === parent) {
          const name = staticKeyName(parent.property, parent.computed);
          changed = true;
          if (name === undefined || assignment.operator !== '=') {
            complete = false;
            continue;
          }
          const right = assignment.right;
          const frame = this.frame;
          added.set(name, new LazyProperty(name, () => this.inFrame(frame, () => this.resolve(right)), assignment, parent.property, right));
        } else if (assignment.type === 'UnaryExpression' && assignment.operator === 'delete') {
          changed = true;
          complete = false;
        }
      } else if (
        parent?.type === 'CallExpression' &&
        parent.arguments[0] === use &&
        memberPath(parent.callee)?.join('.') === 'Object.assign'
      ) {
        changed = true;
        complete = false;
      }
    }
    if (!changed) return value;
    const shape: ResponseShape = { node: value.shape.node, properties: added, complete };
    return { ...value, shape };
  }

  private shapeOfObject(object: TSESTree.ObjectExpression): ResponseShape {
    const frame = this.frame;
    const { properties, complete } = objectLiteralKeys<ShapeProperty>(
      object,
      (argument) => {
        const spread = this.resolve(argument);
        const only = spread.length === 1 ? spread[0] : undefined;
        return only?.shape ?? (only?.kind === 'null' || only?.kind === 'undefined' ? 'nothing' : undefined);
      },
      (name, property) => {
        const compute = (): readonly ResolvedValue[] =>
          property.method || property.kind !== 'init'
            ? [{ kind: property.method ? 'function' : 'unknown', node: property.value }]
            : this.inFrame(frame, () => this.resolve(property.value));
        return new LazyProperty(name, compute, property, property.key, property.value);
      },
    );
    return { node: object, properties, complete };
  }

  private resolveNew(node: TSESTree.NewExpression): ResolvedValue {
    const constructed = constructedKind(node);
    if (!constructed) return this.fromTypes(node);
    return constructed.error ? { kind: constructed.kind, node, error: true } : { kind: constructed.kind, node };
  }

  private resolveCall(call: TSESTree.CallExpression): readonly ResolvedValue[] {
    const callee = skipTypeWrappers(call.callee);
    const path = memberPath(callee)?.join('.');
    const first = call.arguments[0];
    switch (path) {
      case 'JSON.stringify':
      {
        // What is stringified matters only when the string is the whole response: resolved on demand.
        let stringified: readonly ResolvedValue[] | undefined;
        const frame = this.frame;
        const resolveArgument = (): readonly ResolvedValue[] => (first ? this.inFrame(frame, () => this.resolve(first)) : []);
        return [
          {
            kind: 'string',
            node: call,
            get stringifies() {
              stringified ??= resolveArgument();
              return stringified;
            },
          },
        ];
      }
      case 'Promise.resolve':
        return [{ kind: 'promise', node: call, settled: first ? this.resolve(first) : [{ kind: 'undefined', node: call }] }];
      case 'Promise.all':
      case 'Promise.allSettled':
      case 'Promise.race':
      case 'Promise.any':
      case 'Promise.reject':
        return [{ kind: 'promise', node: call }];
      default:
        break;
    }
    const global = globalCallKind(callee);
    if (global) return [{ kind: global, node: call }];
    if (callee.type === 'MemberExpression') {
      const method = staticKeyName(callee.property, callee.computed);
      if (method !== undefined && PROMISE_METHODS.has(method)) return [{ kind: 'promise', node: call }];
      if (method === 'json' && call.arguments.length === 0 && !this.types) return [{ kind: 'promise', node: call }];
      if (method !== undefined && STRING_METHODS.has(method) && !this.types) return [{ kind: 'string', node: call }];
    }
    const fn = this.calledFunction(callee);
    if (!fn) {
      const definition = callee.type === 'Identifier' ? this.variableOf(callee)?.defs : undefined;
      const imported = definition?.length === 1 ? this.fromModule(call, definition[0]!, true) : undefined;
      return imported ?? [this.fromTypes(call)];
    }
    const returned = this.inFrame(this.callFrame(fn, call), () =>
      this.returnedExpressions(fn).flatMap((expression) => this.resolve(expression)),
    );
    const values = returned.length > 0 || fn.body.type !== 'BlockStatement' ? returned : [{ kind: 'undefined' as const, node: call }];
    return fn.async ? [{ kind: 'promise', node: call, settled: this.settle(values) }] : values;
  }

  /**
   * The frame of a call to a function of the file: its parameters bound to what the call passes
   * (`respond(200, item)` with `(statusCode, body) => ({ statusCode, body })`), resolved where the
   * call stands. The current frame when nothing is passed to a named parameter.
   */
  private callFrame(fn: FunctionNode, call: TSESTree.CallExpression): CallFrame | undefined {
    const bindings = new Map(this.frame?.bindings);
    const caller = this.frame;
    for (const [index, parameter] of fn.params.entries()) {
      const argument = call.arguments[index];
      if (!argument || argument.type === 'SpreadElement') break;
      const name = parameter.type === 'AssignmentPattern' ? parameter.left : parameter;
      const variable = name.type === 'Identifier' ? this.variableOf(name) : null;
      // Resolved where the call stands, and only when something reads the parameter.
      let values: readonly ResolvedValue[] | undefined;
      if (variable) bindings.set(variable, () => (values ??= this.inFrame(caller, () => this.resolve(argument))));
    }
    return bindings.size === (this.frame?.bindings.size ?? 0) ? this.frame : { bindings, memo: new Map() };
  }

  private inFrame<T>(frame: CallFrame | undefined, compute: () => T): T {
    const outer = this.frame;
    this.frame = frame;
    try {
      return compute();
    } finally {
      this.frame = outer;
    }
  }

  /**
   * What a name imported (or required) from a module of the project holds, or what calling it returns
   * (`call`), read from the module's source; undefined where the module does not show it. With types,
   * only an answer the checker could not better: every kind known, every object's keys all shown.
   */
  private fromModule(node: TSESTree.Node, definition: TSESLint.Scope.Definition, call: boolean): readonly ResolvedValue[] | undefined {
    if (this.filename === undefined) return undefined;
    let source: string | undefined;
    let name: string | undefined;
    if (definition.type === 'ImportBinding') {
      const declaration = definition.parent;
      const specifier = definition.node;
      if (declaration.type !== 'ImportDeclaration' || declaration.importKind === 'type') return undefined;
      if (specifier.type === 'TSImportEqualsDeclaration' || (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type')) return undefined;
      source = declaration.source.value;
      name = importedName(specifier);
    } else if (definition.type === 'Variable' && definition.node.init && definition.parent.kind === 'const') {
      // `const { ok } = require('../libs/response')`
      name = destructuredName(definition.node.id, definition.name.name);
      source = name === undefined ? undefined : requiredModule(definition.node.init);
    }
    if (source === undefined || name === undefined || name === '*' || !source.startsWith('.')) return undefined;
    // Where the linted file was parsed by typescript-estree, the modules are too (see parseSource).
    const importer = { filename: this.filename, typeScriptParser: this.sourceCode.parserServices?.esTreeNodeToTSNodeMap !== undefined };
    const values = call ? importedCallResult(importer, source, name) : importedValue(importer, source, name);
    if (!values || values.length === 0 || (this.types && !fullyKnown(values))) return undefined;
    return values.map((value) => moduleValueAt(value, node));
  }

  /** A function defined in this file that a call runs: `helper(x)` or `responder.success(x)`. */
  private calledFunction(callee: TSESTree.Node): FunctionNode | undefined {
    if (callee.type === 'Identifier') return this.boundInFile(callee) ? this.functionOf(callee) : undefined;
    if (callee.type !== 'MemberExpression') return undefined;
    const method = staticKeyName(callee.property, callee.computed);
    if (method === undefined) return undefined;
    if (callee.object.type === 'Identifier' && !this.boundInFile(callee.object)) return undefined;
    const owners = this.resolve(callee.object);
    const owner = owners.length === 1 ? owners[0] : undefined;
    const property = owner?.shape?.properties.get(method);
    const value = property?.value;
    return value && isFunctionNode(value) ? value : value ? this.functionOf(value) : undefined;
  }
}

const HTTP_MODULES: ReadonlySet<string> = new Set(['http', 'node:http', 'https', 'node:https']);

/** `STATUS_CODES` imported from `node:http`, or `http.STATUS_CODES` on the module. */
function isReasonPhraseTable(
  node: TSESTree.Node,
  variableOf: (identifier: TSESTree.Identifier) => TSESLint.Scope.Variable | null,
): boolean {
  const table = skipTypeWrappers(node);
  let identifier: TSESTree.Identifier | undefined;
  if (table.type === 'Identifier') identifier = table.name === 'STATUS_CODES' ? table : undefined;
  else if (table.type === 'MemberExpression' && table.object.type === 'Identifier' && memberPath(table)?.[1] === 'STATUS_CODES') identifier = table.object;
  const definition = identifier && variableOf(identifier)?.defs[0];
  return definition?.type === 'ImportBinding' && definition.parent.type === 'ImportDeclaration' && HTTP_MODULES.has(definition.parent.source.value);
}

interface CallFrame {
  readonly bindings: ReadonlyMap<TSESLint.Scope.Variable, () => readonly ResolvedValue[]>;
  readonly memo: Map<TSESTree.Node, readonly ResolvedValue[]>;
}

/** A value a project module shows, as the value of the expression of the linted file that reads it. */
function moduleValueAt(value: ModuleValue, node: TSESTree.Node): ResolvedValue {
  if (value.kind === 'promise') return { kind: 'promise', node, fromType: true, settled: value.settled?.map((each) => moduleValueAt(each, node)) };
  if (value.error) return { kind: value.kind, node, fromType: true, error: true };
  if (!value.properties) return { kind: value.kind, node, fromType: true };
  return knownFromKinds(node, value.kind, value.properties, value.complete === true);
}

/**
 * A value known only by its kind and its keys' kinds (from the checker, or from a module's source),
 * located at the expression of the linted file that has it; `optional` names the keys its type
 * declares optional.
 */
function knownFromKinds(
  node: TSESTree.Node,
  kind: ValueKind,
  keys: ReadonlyMap<string, ValueKind>,
  complete: boolean,
  optional?: ReadonlySet<string>,
): ResolvedValue {
  const properties = new Map<string, ShapeProperty>();
  for (const [name, keyKind] of keys) {
    const values = [{ kind: keyKind, node, fromType: true }];
    properties.set(name, optional?.has(name) ? { name, kind: keyKind, values, optional: true } : { name, kind: keyKind, values });
  }
  return { kind, node, fromType: true, shape: { properties, complete } };
}

/** `response.json()`: the fetch API's parsed body. */
function isJsonCall(node: TSESTree.Node): boolean {
  const call = skipTypeWrappers(node);
  return (
    call.type === 'CallExpression' &&
    call.arguments.length === 0 &&
    call.callee.type === 'MemberExpression' &&
    staticKeyName(call.callee.property, call.callee.computed) === 'json'
  );
}

/**
 * A property whose values are resolved only when a check reads them: most keys of a response (and
 * every key of an object passed to `JSON.stringify`) are never looked at, and resolving a value can
 * cost a question to the type checker.
 */
class LazyProperty implements ShapeProperty {
  private valuesOnce: readonly ResolvedValue[] | undefined;

  constructor(
    readonly name: string,
    private readonly compute: () => readonly ResolvedValue[],
    readonly definition: TSESTree.Property | TSESTree.AssignmentExpression,
    readonly key: TSESTree.Node,
    readonly value: TSESTree.Node,
  ) {}

  get values(): readonly ResolvedValue[] {
    this.valuesOnce ??= this.compute();
    return this.valuesOnce;
  }

  get kind(): ValueKind {
    return commonKind(this.values);
  }
}

/**
 * The kind a call of a global function gives whatever its arguments: `String(x)`, `parseInt(x)`,
 * `Buffer.from(x)`, `JSON.stringify(x)` (whose argument the resolver also keeps).
 */
export function globalCallKind(callee: TSESTree.Node): ValueKind | undefined {
  switch (callee.type === 'Identifier' ? callee.name : memberPath(callee)?.join('.')) {
    case 'String':
    case 'JSON.stringify':
      return 'string';
    case 'Number':
    case 'parseInt':
    case 'parseFloat':
      return 'number';
    case 'Boolean':
      return 'boolean';
    case 'Buffer.from':
    case 'Buffer.alloc':
    case 'Buffer.concat':
      return 'buffer';
    default:
      return undefined;
  }
}

/** What `new X(...)` makes, for the constructors whose instances the rules judge; undefined for others. */
export function constructedKind(node: TSESTree.NewExpression): { readonly kind: ValueKind; readonly error?: true } | undefined {
  const callee = node.callee.type === 'Identifier' ? node.callee.name : undefined;
  if (callee === undefined) return undefined;
  if (callee === 'Promise') return { kind: 'promise' };
  if (BINARY_CONSTRUCTORS.has(callee)) return { kind: 'buffer' };
  if (/Error$/u.test(callee)) return { kind: 'object', error: true };
  if (PLAIN_OBJECT_CONSTRUCTORS.has(callee)) return { kind: 'object' };
  return undefined;
}

/** What a binary expression gives, from the kinds of its sides (asked for only by `+`). */
export function binaryKind(node: TSESTree.BinaryExpression, kindOf: (side: TSESTree.Node) => ValueKind): ValueKind {
  switch (node.operator) {
    case '+': {
      const sides = [kindOf(node.left), kindOf(node.right)];
      if (sides.includes('string')) return 'string';
      return sides.every((kind) => kind === 'number') ? 'number' : 'unknown';
    }
    case '-':
    case '*':
    case '/':
    case '%':
    case '**':
    case '|':
    case '&':
    case '^':
    case '<<':
    case '>>':
    case '>>>':
      return 'number';
    default:
      return 'boolean';
  }
}

export function literalKind(node: TSESTree.Literal): ValueKind {
  if ('regex' in node) return 'object';
  if ('bigint' in node) return 'number';
  switch (typeof node.value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'null';
  }
}

export function unaryKind(operator: TSESTree.UnaryExpression['operator']): ValueKind {
  switch (operator) {
    case 'typeof':
      return 'string';
    case '!':
    case 'delete':
      return 'boolean';
    case 'void':
      return 'undefined';
    default:
      return 'number';
  }
}

/** `exports.x` and `module.exports.x`: what a CommonJS module exports has no type to give a function. */
function isCommonJsExport(node: TSESTree.Node): boolean {
  if (node.type !== 'MemberExpression') return false;
  const object = node.object;
  return (object.type === 'Identifier' && object.name === 'exports') || memberPath(object)?.join('.') === 'module.exports';
}
