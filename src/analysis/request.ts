import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { contains, type FunctionNode, isFunctionNode, type ValueResolver } from './resolve.js';

/**
 * What in a handler holds the request: the event parameter, the names its destructuring binds, and
 * the variables initialized from it (`const body = JSON.parse(event.body)`, `const item = await
 * find(event.pathParameters.id)`). A guard that reads one of them tests the request, so the error it
 * raises is the client's.
 */
export class RequestVariables {
  private readonly variables = new Set<TSESLint.Scope.Variable>();

  constructor(
    private readonly fn: FunctionNode,
    event: TSESTree.Parameter | undefined,
    private readonly resolver: ValueResolver,
  ) {
    const pattern = event?.type === 'AssignmentPattern' ? event.left : event;
    if (!pattern) return;
    const bound = pattern.type === 'Identifier' ? [pattern] : boundIdentifiers(pattern);
    const pending = bound.flatMap((identifier) => {
      const variable = resolver.variableOf(identifier);
      return variable ? [variable] : [];
    });
    // Follow one variable to those initialized from it, a few steps deep.
    for (let step = 0; pending.length > 0 && step < 64; step++) {
      const variable = pending.pop()!;
      if (this.variables.has(variable)) continue;
      this.variables.add(variable);
      for (const reference of variable.references) {
        const declarator = enclosingDeclarator(reference.identifier, fn);
        if (!declarator) continue;
        for (const identifier of boundIdentifiers(declarator.id)) {
          const derived = resolver.variableOf(identifier);
          if (derived && !this.variables.has(derived)) pending.push(derived);
        }
      }
    }
  }

  /** Whether an expression reads the request. */
  isReadBy(node: TSESTree.Node): boolean {
    let found = false;
    this.resolver.walk(node, (child) => {
      if (found || child.type !== 'Identifier') return;
      const variable = this.resolver.variableOf(child);
      if (variable && this.variables.has(variable)) found = true;
    });
    return found;
  }

  /** Whether the code around `node` (up to the handler) runs only when a test of the request passes. */
  guards(node: TSESTree.Node): boolean {
    for (let child = node, parent = node.parent; parent && child !== this.fn; child = parent, parent = parent.parent) {
      if (isFunctionNode(parent) && parent !== this.fn) return false;
      if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.test !== child && this.isReadBy(parent.test)) {
        return true;
      }
      if (parent.type === 'LogicalExpression' && parent.right === child && this.isReadBy(parent.left)) return true;
    }
    return false;
  }
}

function enclosingDeclarator(node: TSESTree.Node, fn: FunctionNode): TSESTree.VariableDeclarator | undefined {
  for (let current: TSESTree.Node | undefined = node.parent; current && current !== fn; current = current.parent) {
    if (current.type === 'VariableDeclarator') return current.init && contains(current.init, node) ? current : undefined;
    if (isFunctionNode(current) || current.type.endsWith('Statement')) return undefined;
  }
  return undefined;
}

/** The identifiers a binding pattern declares. */
function boundIdentifiers(pattern: TSESTree.Node): TSESTree.Identifier[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) =>
        boundIdentifiers(property.type === 'RestElement' ? property.argument : property.value),
      );
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => (element ? boundIdentifiers(element) : []));
    case 'AssignmentPattern':
      return boundIdentifiers(pattern.left);
    case 'RestElement':
      return boundIdentifiers(pattern.argument);
    default:
      return [];
  }
}
