import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { endsInReturnOrThrow } from './code-paths.js';
import { forEachExport } from './exports.js';
import { binaryKind, constructedKind, type FunctionNode, globalCallKind, isFunctionNode, literalKind, memberPath, skipTypeWrappers, unaryKind } from './resolve.js';
import { commonKind, objectLiteralKeys, type ValueKind } from './shape.js';
import { importedName, parsedFile, RECHECK_MS, resolveImport, visit } from './source-files.js';

/**
 * What a module of the project exports, read from its source (parsed once per run, and again when it
 * changes) rather than asked of the type checker: `ok(item)` with `ok` from `../libs/response` returns
 * `{ statusCode, headers, body: JSON.stringify(...) }`, `CORS_HEADERS` is an object of strings. Most
 * handlers of a serverless repository build their responses with such helpers, and the first question
 * to the checker in a file costs it the file's imports; without types this is all there is to know.
 *
 * Only what the module shows for certain is read: the values of `const`s, literals, object literals,
 * what a function returns (its parameters' kinds from their annotations, or from the arguments of a call
 * made in the module), calls of functions of the module and of the project modules it imports. A
 * function's arguments from the linted file are not followed: the value is what any call returns.
 */
export interface ModuleValue {
  readonly kind: ValueKind;
  /** An object literal's keys, each with the kind of its value (`unknown` where the module does not show it). */
  readonly properties?: ReadonlyMap<string, ValueKind>;
  /** False when a spread or a computed key may add keys the module does not show. */
  readonly complete?: boolean;
  /** A promise: the values it settles with. */
  readonly settled?: readonly ModuleValue[];
  /** `new Error(...)`: an object that serializes to `{}`. */
  readonly error?: boolean;
  /** A function: the function, and the module it is read in. */
  readonly function?: { readonly node: FunctionNode; readonly module: ModuleScope };
}

const UNKNOWN: readonly ModuleValue[] = [{ kind: 'unknown' }];
const MAX_DEPTH = 16;

/** Where an import stands: the importing file, and whether typescript-estree parsed it. */
export interface Importer {
  readonly filename: string;
  readonly typeScriptParser: boolean;
}

/** What `import { name } from specifier` gives, or undefined when no project module shows it. */
export function importedValue(importer: Importer, specifier: string, name: string): readonly ModuleValue[] | undefined {
  return scopeOf(importer.filename, specifier, 0, importer.typeScriptParser)?.exported(name, 0);
}

/** What calling an imported function returns, or undefined when no project module shows the function. */
export function importedCallResult(importer: Importer, specifier: string, name: string): readonly ModuleValue[] | undefined {
  const values = importedValue(importer, specifier, name);
  const only = values?.length === 1 ? values[0] : undefined;
  return only?.function ? only.function.module.returned(only.function.node, undefined, 0) : undefined;
}

/** Whether every kind of the values is known: the type checker could tell no more. */
export function fullyKnown(values: readonly ModuleValue[]): boolean {
  return values.every(
    (value) =>
      value.kind !== 'unknown' &&
      (value.kind !== 'promise' || (value.settled !== undefined && fullyKnown(value.settled))) &&
      (value.properties === undefined || (value.complete === true && [...value.properties.values()].every((kind) => kind !== 'unknown'))),
  );
}

const scopes = new WeakMap<TSESTree.Program, ModuleScope>();
/** The module an import names: looked up again after RECHECK_MS, as descriptors are. */
const lookups = new Map<string, { readonly checked: number; readonly scope: ModuleScope | undefined }>();

function scopeOf(fromFile: string, specifier: string, depth: number, typeScriptParser: boolean): ModuleScope | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const folder = path.dirname(fromFile);
  const fromJavaScript = /\.[cm]?jsx?$/u.test(fromFile);
  // By the path it names: the handlers of a folder per function share `../../libs/response.js`.
  const key = `${path.resolve(folder, specifier)}\0${fromJavaScript}`;
  const now = Date.now();
  const known = lookups.get(key);
  if (known && now - known.checked < RECHECK_MS) return known.scope;
  const file = resolveImport(folder, specifier, fromJavaScript);
  const program = file ? parsedFile(file, typeScriptParser) : undefined;
  let scope = program ? scopes.get(program) : undefined;
  if (file && program && !scope) {
    scope = new ModuleScope(file, program, typeScriptParser);
    scopes.set(program, scope);
  }
  lookups.set(key, { checked: now, scope });
  return scope;
}

/** What a parameter is bound to in a call the module makes: the argument, read where the call stands. */
interface CallEnvironment {
  readonly function: FunctionNode;
  readonly locals: ReadonlyMap<string, TSESTree.Node | 'parameter' | 'other'>;
  readonly arguments: ReadonlyMap<string, () => readonly ModuleValue[]>;
}

/** One module's top-level bindings and exports, and the values they hold. */
class ModuleScope {
  private readonly topLevel = new Map<string, TSESTree.Node>();
  private readonly imports = new Map<string, { source: string; name: string }>();
  private readonly exports = new Map<string, TSESTree.Node>();
  private readonly reassigned = new Set<string>();
  private readonly memo = new Map<string, readonly ModuleValue[]>();
  private readonly active = new Set<string>();
  /** What each function returns when nothing binds its parameters (a call from another module). */
  private readonly returns = new Map<FunctionNode, readonly ModuleValue[]>();
  private readonly calling = new Set<FunctionNode>();

  constructor(
    private readonly file: string,
    program: TSESTree.Program,
    private readonly typeScriptParser: boolean,
  ) {
    for (const statement of program.body) {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
        this.topLevel.set(declaration.id.name, declaration);
      } else if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type !== 'Identifier') continue;
          if (declaration.kind === 'const' && declarator.init) this.topLevel.set(declarator.id.name, declarator.init);
          else this.reassigned.add(declarator.id.name);
        }
      } else if (declaration?.type === 'ImportDeclaration' && declaration.importKind !== 'type') {
        for (const specifier of declaration.specifiers) {
          if (specifier.type !== 'ImportSpecifier' || specifier.importKind === 'type') continue;
          this.imports.set(specifier.local.name, { source: declaration.source.value, name: importedName(specifier) });
        }
      }
      forEachExport(statement, (candidate) => this.exports.set(candidate.name, candidate.expression));
    }
    // A constant whose object the module changes (`HEADERS.x = ...`, `Object.assign(HEADERS, ...)`,
    // `delete HEADERS.x`) holds more, or less, than its literal shows.
    walkBody(program, true, (node) => {
      let owner: TSESTree.Node | undefined;
      if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression') owner = node.left.object;
      else if (node.type === 'UnaryExpression' && node.operator === 'delete' && node.argument.type === 'MemberExpression') owner = node.argument.object;
      else if (node.type === 'CallExpression' && memberPath(node.callee)?.join('.') === 'Object.assign') owner = node.arguments[0];
      if (owner?.type === 'Identifier') this.reassigned.add(owner.name);
    });
  }

  /** The values an export holds. */
  exported(name: string, depth: number): readonly ModuleValue[] | undefined {
    const node = this.exports.get(name);
    if (!node) return undefined;
    if (node.type === 'Identifier') return this.binding(node.name, depth);
    // `export const name = ...`, `export function name`: the export is the binding.
    if (this.topLevel.get(name) === node || this.reassigned.has(name)) return this.binding(name, depth);
    return this.evaluate(node, undefined, depth);
  }

  /** What a call of one of the module's functions returns; its parameters bound to `environment`'s arguments. */
  returned(fn: FunctionNode, args: ReadonlyMap<string, () => readonly ModuleValue[]> | undefined, depth: number): readonly ModuleValue[] {
    if (fn.generator || depth > MAX_DEPTH) return UNKNOWN;
    if (args === undefined || args.size === 0) {
      let values = this.returns.get(fn);
      if (!values) {
        values = this.returnedWith(fn, new Map(), depth);
        this.returns.set(fn, values);
      }
      return values;
    }
    return this.returnedWith(fn, args, depth);
  }

  private returnedWith(fn: FunctionNode, args: ReadonlyMap<string, () => readonly ModuleValue[]>, depth: number): readonly ModuleValue[] {
    // A recursive function's result is not worked out: each call would follow the next.
    if (this.calling.has(fn)) return UNKNOWN;
    this.calling.add(fn);
    try {
      return this.returnedOnce(fn, args, depth);
    } finally {
      this.calling.delete(fn);
    }
  }

  private returnedOnce(fn: FunctionNode, args: ReadonlyMap<string, () => readonly ModuleValue[]>, depth: number): readonly ModuleValue[] {
    const environment: CallEnvironment = { function: fn, locals: localsOf(fn), arguments: args };
    let values: ModuleValue[];
    if (fn.body.type !== 'BlockStatement') {
      values = [...this.evaluate(fn.body, environment, depth + 1)];
    } else {
      values = [];
      const returns = returnStatements(fn.body);
      for (const statement of returns) {
        values.push(...(statement.argument ? this.evaluate(statement.argument, environment, depth + 1) : [{ kind: 'undefined' as const }]));
      }
      // Falling off the end returns undefined; whether it can is not worked out here.
      if (returns.length === 0) values.push({ kind: 'undefined' });
      else if (!endsInReturnOrThrow(fn.body)) return UNKNOWN;
    }
    return fn.async ? [{ kind: 'promise', settled: values.flatMap((value) => (value.kind === 'promise' ? (value.settled ?? UNKNOWN) : [value])) }] : values;
  }

  private binding(name: string, depth: number): readonly ModuleValue[] {
    if (this.reassigned.has(name)) return UNKNOWN;
    const cached = this.memo.get(name);
    if (cached) return cached;
    if (this.active.has(name)) return UNKNOWN;
    this.active.add(name);
    try {
      let values: readonly ModuleValue[] = UNKNOWN;
      const node = this.topLevel.get(name);
      const imported = this.imports.get(name);
      if (node?.type === 'FunctionDeclaration') values = [{ kind: 'function', function: { node, module: this } }];
      else if (node) values = this.evaluate(node, undefined, depth + 1);
      else if (imported) values = scopeOf(this.file, imported.source, depth + 1, this.typeScriptParser)?.exported(imported.name, depth + 1) ?? UNKNOWN;
      this.memo.set(name, values);
      return values;
    } finally {
      this.active.delete(name);
    }
  }

  private identifier(name: string, environment: CallEnvironment | undefined, depth: number): readonly ModuleValue[] {
    if (environment) {
      const local = environment.locals.get(name);
      if (local === 'other') return UNKNOWN;
      if (local === 'parameter') {
        const argument = environment.arguments.get(name);
        return argument ? argument() : parameterKind(environment.function, name);
      }
      if (local) return this.evaluate(local, environment, depth + 1);
      // A function inside another sees that one's names too, which are not followed.
      if (isNested(environment.function)) return UNKNOWN;
    }
    if (name === 'undefined' && !this.topLevel.has(name)) return [{ kind: 'undefined' }];
    return this.binding(name, depth);
  }

  evaluate(node: TSESTree.Node, environment: CallEnvironment | undefined, depth: number): readonly ModuleValue[] {
    if (depth > MAX_DEPTH) return UNKNOWN;
    const expression = skipTypeWrappers(node);
    switch (expression.type) {
      case 'Literal':
        return [{ kind: literalKind(expression) }];
      case 'TemplateLiteral':
        return [{ kind: 'string' }];
      case 'ArrayExpression':
        return [{ kind: 'array' }];
      case 'ObjectExpression':
        return [this.object(expression, environment, depth)];
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return [{ kind: 'function', function: { node: expression, module: this } }];
      case 'ConditionalExpression':
        return [...this.evaluate(expression.consequent, environment, depth + 1), ...this.evaluate(expression.alternate, environment, depth + 1)];
      case 'LogicalExpression':
        return [...this.evaluate(expression.left, environment, depth + 1), ...this.evaluate(expression.right, environment, depth + 1)];
      case 'AwaitExpression':
        return this.evaluate(expression.argument, environment, depth + 1).flatMap((value) =>
          value.kind === 'promise' ? (value.settled ?? UNKNOWN) : [value],
        );
      case 'UnaryExpression':
        return [{ kind: unaryKind(expression.operator) }];
      case 'BinaryExpression':
        return [{ kind: binaryKind(expression, (side) => commonKind(this.evaluate(side, environment, depth + 1))) }];
      case 'Identifier':
        return this.identifier(expression.name, environment, depth);
      case 'NewExpression': {
        const constructed = constructedKind(expression);
        return constructed ? [constructed] : UNKNOWN;
      }
      case 'CallExpression':
        return this.call(expression, environment, depth);
      default:
        return UNKNOWN;
    }
  }

  private object(object: TSESTree.ObjectExpression, environment: CallEnvironment | undefined, depth: number): ModuleValue {
    const { properties, complete } = objectLiteralKeys<ValueKind>(
      object,
      (argument) => {
        const spread = this.evaluate(argument, environment, depth + 1);
        const only = spread.length === 1 ? spread[0] : undefined;
        if (only?.properties) return { properties: only.properties, complete: only.complete === true };
        return only?.kind === 'null' || only?.kind === 'undefined' ? 'nothing' : undefined;
      },
      (_name, property) =>
        property.method ? 'function'
        : property.kind === 'init' ? commonKind(this.evaluate(property.value, environment, depth + 1))
        : 'unknown',
    );
    return { kind: 'object', properties, complete };
  }

  private call(call: TSESTree.CallExpression, environment: CallEnvironment | undefined, depth: number): readonly ModuleValue[] {
    const callee = skipTypeWrappers(call.callee);
    const global = globalCallKind(callee);
    if (global) return [{ kind: global }];
    if (memberPath(callee)?.join('.') === 'Promise.resolve') {
      const first = call.arguments[0];
      return [{ kind: 'promise', settled: first ? this.evaluate(first, environment, depth + 1) : [{ kind: 'undefined' }] }];
    }
    if (callee.type !== 'Identifier') return UNKNOWN;
    const functions = this.identifier(callee.name, environment, depth + 1);
    const target = functions.length === 1 ? functions[0]?.function : undefined;
    if (!target) return UNKNOWN;
    // Arguments of a call in the module are read where the call stands, when the parameter is read.
    const args = new Map<string, () => readonly ModuleValue[]>();
    for (const [index, parameter] of target.node.params.entries()) {
      const argument = call.arguments[index];
      if (!argument || argument.type === 'SpreadElement') break;
      if (parameter.type !== 'Identifier') continue;
      let values: readonly ModuleValue[] | undefined;
      args.set(parameter.name, () => (values ??= this.evaluate(argument, environment, depth + 1)));
    }
    return target.module.returned(target.node, target.module === this ? args : new Map(), depth + 1);
  }
}

/** Whether a function is defined inside another function. */
function isNested(fn: FunctionNode): boolean {
  let node: TSESTree.Node | undefined = fn.parent;
  while (node) {
    if (isFunctionNode(node)) return true;
    node = node.parent;
  }
  return false;
}

/** A parameter's kind from its annotation (`statusCode: number`), or unknown. */
function parameterKind(fn: FunctionNode, name: string): readonly ModuleValue[] {
  for (const parameter of fn.params) {
    const binding = parameter.type === 'AssignmentPattern' ? parameter.left : parameter;
    if (binding.type !== 'Identifier' || binding.name !== name) continue;
    switch (binding.typeAnnotation?.typeAnnotation.type) {
      case 'TSStringKeyword':
        return [{ kind: 'string' }];
      case 'TSNumberKeyword':
        return [{ kind: 'number' }];
      case 'TSBooleanKeyword':
        return [{ kind: 'boolean' }];
      default:
        return UNKNOWN;
    }
  }
  return UNKNOWN;
}

/**
 * The names a function declares (its parameters, and every declaration in its body outside nested
 * functions): a parameter, the one `const` initializer of a name, or `other` for anything else
 * (declared twice, `let`, destructured, assigned anywhere in the function).
 */
const localsCache = new WeakMap<FunctionNode, ReadonlyMap<string, TSESTree.Node | 'parameter' | 'other'>>();
function localsOf(fn: FunctionNode): ReadonlyMap<string, TSESTree.Node | 'parameter' | 'other'> {
  const cached = localsCache.get(fn);
  if (cached) return cached;
  const locals = new Map<string, TSESTree.Node | 'parameter' | 'other'>();
  const declare = (name: string, value: TSESTree.Node | 'parameter' | 'other'): void => {
    locals.set(name, locals.has(name) ? 'other' : value);
  };
  for (const parameter of fn.params) {
    const binding = parameter.type === 'AssignmentPattern' ? parameter.left : parameter;
    if (binding.type === 'Identifier') declare(binding.name, 'parameter');
    else for (const name of patternNames(binding)) declare(name, 'other');
  }
  const assigned = new Set<string>();
  walkBody(fn.body, true, (node) => {
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier') assigned.add(node.left.name);
    else if (node.type === 'UpdateExpression' && node.argument.type === 'Identifier') assigned.add(node.argument.name);
  });
  walkBody(fn.body, false, (node) => {
    if (node.type === 'VariableDeclaration') {
      for (const declarator of node.declarations) {
        if (declarator.id.type === 'Identifier' && node.kind === 'const' && declarator.init) declare(declarator.id.name, declarator.init);
        else for (const name of patternNames(declarator.id)) declare(name, 'other');
      }
    } else if ((node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') && node.id) {
      declare(node.id.name, 'other');
    } else if (node.type === 'CatchClause' && node.param) {
      for (const name of patternNames(node.param)) declare(name, 'other');
    }
  });
  for (const name of assigned) locals.set(name, 'other');
  localsCache.set(fn, locals);
  return locals;
}

function patternNames(pattern: TSESTree.Node): string[] {
  const names: string[] = [];
  walkBody(pattern, true, (node) => {
    if (node.type === 'Identifier' && node.parent.type !== 'MemberExpression') names.push(node.name);
  });
  return names;
}

/**
 * Visits `root` and the nodes below it, not type annotations; and into nested functions only when asked
 * (otherwise a nested declaration itself is visited, as its name is declared here, but not its inside).
 */
function walkBody(root: TSESTree.Node, intoFunctions: boolean, visitor: (node: TSESTree.Node) => void): void {
  visit(root, (node) => {
    if (node.type === 'TSTypeAnnotation') return false;
    if (!intoFunctions && node !== root && isFunctionNode(node)) {
      if (node.type === 'FunctionDeclaration') visitor(node);
      return false;
    }
    visitor(node);
    return true;
  });
}

/** The `return` statements of a function body, not of functions nested in it. */
function returnStatements(body: TSESTree.BlockStatement): TSESTree.ReturnStatement[] {
  const found: TSESTree.ReturnStatement[] = [];
  walkBody(body, false, (node) => {
    if (node.type === 'ReturnStatement') found.push(node);
  });
  return found;
}
