import type { TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, memberPath, skipTypeWrappers, type ValueResolver } from './resolve.js';
import type { ResolvedValue } from './shape.js';

/** How a value leaves a handler. */
export type ExitKind = 'return' | 'callback' | 'context.succeed' | 'context.done' | 'context.fail';

export interface HandlerExit {
  readonly kind: ExitKind;
  /** The `return` statement, an arrow's expression body, or the call. */
  readonly node: TSESTree.Node;
  /** The response as written (`x` in `return x` or `callback(null, x)`), if any. */
  readonly argument: TSESTree.Node | undefined;
  /** The error argument of `callback(error, x)`, `context.done(error, x)` and `context.fail(error)`. */
  readonly errorArgument: TSESTree.Node | undefined;
  /** What the response can be, settled when it is a promise. */
  readonly values: readonly ResolvedValue[];
}

export interface HandlerParameters {
  readonly event: TSESTree.Parameter | undefined;
  readonly context: TSESTree.Parameter | undefined;
  /** The third parameter, the callback, as written (an identifier, a default value or a rest element). */
  readonly callback: TSESTree.Parameter | undefined;
}

export function handlerParameters(fn: FunctionNode): HandlerParameters {
  const [event, context, callback] = fn.params;
  return { event, context, callback };
}

/** The identifier a parameter binds, also behind a default value. */
export function parameterIdentifier(parameter: TSESTree.Parameter | undefined): TSESTree.Identifier | undefined {
  if (parameter?.type === 'Identifier') return parameter;
  if (parameter?.type === 'AssignmentPattern' && parameter.left.type === 'Identifier') return parameter.left;
  return undefined;
}

/** Whether an error argument means "no error": absent, `null`, `undefined` or `void 0`. */
export function isNoError(node: TSESTree.Node | undefined): boolean {
  if (!node) return true;
  const inner = skipTypeWrappers(node);
  return (
    (inner.type === 'Literal' && inner.value === null && !('regex' in inner)) ||
    (inner.type === 'Identifier' && inner.name === 'undefined') ||
    (inner.type === 'UnaryExpression' && inner.operator === 'void')
  );
}

/** Every way a response leaves the handler: returns, callback calls and `context` methods. */
export function collectExits(fn: FunctionNode, resolver: ValueResolver): HandlerExit[] {
  const parameters = handlerParameters(fn);
  const callbackCalls = callsOf(parameterIdentifier(parameters.callback), resolver);
  const contextCalls = contextMethodCalls(parameterIdentifier(parameters.context), resolver);
  const completionCalls = new Set<TSESTree.Node>([...callbackCalls, ...contextCalls.map(([call]) => call)]);
  const exits: HandlerExit[] = [];
  const exit = (
    kind: ExitKind,
    node: TSESTree.Node,
    argument: TSESTree.Node | undefined,
    errorArgument?: TSESTree.Node,
  ): void => {
    let values: readonly ResolvedValue[] | undefined;
    exits.push({
      kind,
      node,
      argument,
      errorArgument,
      // Resolved when a rule first reads them: the callback rules never do.
      get values() {
        values ??= argument ? resolver.settle(resolver.resolve(argument)) : [{ kind: 'undefined', node }];
        return values;
      },
    });
  };

  if (fn.body.type === 'BlockStatement') {
    resolver.walk(fn.body, (node) => {
      if (node.type !== 'ReturnStatement') return;
      const argument = node.argument ?? undefined;
      if (argument && completionCalls.has(skipTypeWrappers(argument))) return;
      exit('return', node, argument);
    });
  } else if (!completionCalls.has(skipTypeWrappers(fn.body))) {
    exit('return', fn.body, fn.body);
  }
  for (const call of callbackCalls) exit('callback', call, call.arguments[1], call.arguments[0]);
  for (const [call, method] of contextCalls) {
    if (method === 'succeed') exit('context.succeed', call, call.arguments.at(-1));
    else if (method === 'done') exit('context.done', call, call.arguments[1], call.arguments[0]);
    else exit('context.fail', call, undefined, call.arguments[0]);
  }
  return exits;
}

/** Calls of a parameter, anywhere in the handler, nested callbacks included. */
export function callsOf(
  identifier: TSESTree.Identifier | undefined,
  resolver: ValueResolver,
): TSESTree.CallExpression[] {
  const variable = identifier && resolver.variableOf(identifier);
  if (!variable) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    const parent = reference.identifier.parent;
    if (parent.type === 'CallExpression' && parent.callee === reference.identifier) calls.push(parent);
  }
  return calls;
}

const CONTEXT_METHODS = new Set(['succeed', 'done', 'fail']);

/** `context.succeed(...)`, `context.done(...)` and `context.fail(...)` calls on the context parameter. */
export function contextMethodCalls(
  identifier: TSESTree.Identifier | undefined,
  resolver: ValueResolver,
): [TSESTree.CallExpression, 'succeed' | 'done' | 'fail'][] {
  const variable = identifier && resolver.variableOf(identifier);
  if (!variable) return [];
  const calls: [TSESTree.CallExpression, 'succeed' | 'done' | 'fail'][] = [];
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    const call = member.parent;
    const method = memberPath(member)?.[1];
    if (call?.type === 'CallExpression' && call.callee === member && method && CONTEXT_METHODS.has(method)) {
      calls.push([call, method as 'succeed' | 'done' | 'fail']);
    }
  }
  return calls;
}
