import type { TSESTree } from '@typescript-eslint/utils';
import { memberPath } from './resolve.js';
import { staticKeyName } from './shape.js';

/**
 * The names a module exports as the Lambda runtime looks them up (`module[name]`): ESM named exports,
 * `default` for a default export, and CommonJS `exports.x` / `module.exports.x` / `module.exports = { x }`.
 * `complete` is false where the file cannot show them all: `export * from`, `module.exports = value`,
 * computed names, `Object.assign(module.exports, ...)`.
 */
export interface ModuleExports {
  readonly names: ReadonlySet<string>;
  readonly complete: boolean;
}

export function moduleExports(program: TSESTree.Program): ModuleExports {
  const names = new Set<string>();
  let complete = true;
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ExportAllDeclaration':
        complete = false;
        break;
      case 'ExportDefaultDeclaration':
        names.add('default');
        break;
      case 'ExportNamedDeclaration':
        addNamed(statement, names);
        break;
      case 'ExpressionStatement':
        complete = addCommonJs(statement.expression, names) && complete;
        break;
      default:
        break;
    }
  }
  return { names, complete };
}

function addNamed(statement: TSESTree.ExportNamedDeclaration, names: Set<string>): void {
  const declaration = statement.declaration;
  if (declaration?.type === 'FunctionDeclaration' || declaration?.type === 'ClassDeclaration') {
    if (declaration.id) names.add(declaration.id.name);
  } else if (declaration?.type === 'VariableDeclaration') {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier') names.add(declarator.id.name);
    }
  }
  if (statement.exportKind === 'type') return;
  for (const specifier of statement.specifiers) {
    if (specifier.exportKind === 'type') continue;
    names.add(specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value);
  }
}

/** Adds what a CommonJS export statement exports; false when it exports what the file cannot name. */
function addCommonJs(expression: TSESTree.Expression, names: Set<string>): boolean {
  if (expression.type === 'CallExpression') {
    const callee = memberPath(expression.callee)?.join('.');
    const target = expression.arguments[0];
    const targetPath = target && target.type !== 'SpreadElement' ? (target.type === 'Identifier' ? [target.name] : memberPath(target)) : undefined;
    const exportsObject = targetPath?.join('.') === 'exports' || targetPath?.join('.') === 'module.exports';
    return !(exportsObject && (callee === 'Object.assign' || callee === 'Object.defineProperty'));
  }
  if (expression.type !== 'AssignmentExpression') return true;
  const target = expression.left;
  if (target.type !== 'MemberExpression') return true;
  const object = target.object;
  const onExports =
    (object.type === 'Identifier' && object.name === 'exports') || memberPath(object)?.join('.') === 'module.exports';
  const isModuleExports = object.type === 'Identifier' && object.name === 'module' && staticKeyName(target.property, target.computed) === 'exports';
  if (onExports) {
    const name = staticKeyName(target.property, target.computed);
    if (name === undefined) return false;
    names.add(name);
    return true;
  }
  if (!isModuleExports) return true;
  if (expression.right.type !== 'ObjectExpression') return false;
  for (const property of expression.right.properties) {
    if (property.type !== 'Property') return false;
    const key = staticKeyName(property.key, property.computed);
    if (key === undefined) return false;
    names.add(key);
  }
  return true;
}

/** One export of a module: its name as Lambda looks it up, and the expression or declaration exported. */
export interface ExportCandidate {
  readonly name: string;
  readonly expression: TSESTree.Node;
  /** A type annotation on the exported binding (`export const handler: Handler = ...`). */
  readonly annotation?: TSESTree.TypeNode | undefined;
  /** A default export: a handler only where `default` is a handler name (a descriptor's `index.default`). */
  readonly isDefault?: boolean;
}

export type ExportVisitor = (candidate: ExportCandidate) => void;

/** Each export of a top-level statement: ESM named exports, the default export, and CommonJS exports. */
export function forEachExport(statement: TSESTree.ProgramStatement, visit: ExportVisitor): void {
  switch (statement.type) {
    case 'ExportNamedDeclaration':
      namedExports(statement, visit);
      break;
    case 'ExportDefaultDeclaration': {
      // Lambda finds a handler by its export name, and an ES module's default export is `default`,
      // whatever the function's own name: `export default function handler(fn)` is not `index.handler`.
      const declaration = statement.declaration;
      if (declaration.type !== 'ClassDeclaration' && declaration.type !== 'TSInterfaceDeclaration' && declaration.type !== 'TSDeclareFunction') {
        visit({ name: 'default', expression: declaration, isDefault: true });
      }
      break;
    }
    case 'ExpressionStatement':
      commonJsExports(statement.expression, visit);
      break;
    default:
      break;
  }
}

function namedExports(statement: TSESTree.ExportNamedDeclaration, visit: ExportVisitor): void {
  const declaration = statement.declaration;
  if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
    visit({ name: declaration.id.name, expression: declaration });
    return;
  }
  if (declaration?.type === 'VariableDeclaration') {
    for (const declarator of declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.init) {
        visit({ name: declarator.id.name, expression: declarator.init, annotation: declarator.id.typeAnnotation?.typeAnnotation });
      }
    }
    return;
  }
  if (statement.source || statement.exportKind === 'type') return;
  for (const specifier of statement.specifiers) {
    if (specifier.exportKind === 'type') continue;
    visit({
      name: specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value,
      expression: specifier.local,
    });
  }
}

/** `exports.x = ...`, `module.exports.x = ...`, `module.exports = { x, y: fn }`. */
function commonJsExports(expression: TSESTree.Expression, visit: ExportVisitor): void {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return;
  const target = expression.left;
  if (target.type !== 'MemberExpression') return;
  const name = staticKeyName(target.property, target.computed);
  if (name === undefined) return;
  const object = target.object;
  const objectPath = object.type === 'Identifier' ? undefined : memberPath(object);
  if (object.type === 'Identifier' ? object.name === 'exports' : objectPath?.[0] === 'module' && objectPath[1] === 'exports') {
    visit({ name, expression: expression.right });
  } else if (object.type === 'Identifier' && object.name === 'module' && name === 'exports' && expression.right.type === 'ObjectExpression') {
    for (const property of expression.right.properties) {
      if (property.type !== 'Property') continue;
      const key = staticKeyName(property.key, property.computed);
      if (key !== undefined) visit({ name: key, expression: property.value });
    }
  }
}
