import type { TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isFunctionNode, skipTypeWrappers, type ValueResolver } from './resolve.js';
import { staticKeyName } from './shape.js';

/**
 * The calls that complete a callback-style handler, and what each means to the runtime: the callback
 * parameter, `context.succeed`, `context.fail` and `context.done`. Found once per handler, here only.
 */
export type CompletionKind = 'callback' | 'succeed' | 'fail' | 'done';

export interface CompletionCall {
  readonly call: TSESTree.CallExpression;
  readonly kind: CompletionKind;
  /** The call is in the handler's own body, not in a function nested in it (a callback of an SDK call). */
  readonly direct: boolean;
}

export interface HandlerParameters {
  readonly event: TSESTree.Parameter | undefined;
  readonly context: TSESTree.Parameter | undefined;
  /** The third parameter, the callback, as written (an identifier, a default value or a rest element). */
  readonly callback: TSESTree.Parameter | undefined;
}

export interface HandlerCompletions {
  /** Every completion call, nested ones included, in source order. */
  readonly calls: readonly CompletionCall[];
  /**
   * The first use that takes completion out of the handler's own body: the callback passed to another
   * function or called in a nested one, or a `context` method called in a nested function.
   */
  readonly escapes: TSESTree.Node | undefined;
  /** The callback parameter is declared and never read. */
  readonly callbackUnused: boolean;
  /** `args[n]` reads of a rest parameter at or after the callback's slot (`(event, ...args) => args[1]()`). */
  readonly restSlotReads: readonly TSESTree.MemberExpression[];
  /** `context.callbackWaitsForEmptyEventLoop` uses. */
  readonly waitsForEmptyEventLoop: readonly TSESTree.MemberExpression[];
}

const CONTEXT_METHODS: ReadonlySet<string> = new Set(['succeed', 'fail', 'done']);
/** The argument index where the runtime passes the callback. */
const CALLBACK_SLOT = 2;

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

export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** Every completion call of a handler and the other uses of its callback and context parameters. */
export function findCompletions(
  fn: FunctionNode,
  parameters: HandlerParameters,
  resolver: ValueResolver,
): HandlerCompletions {
  const calls: CompletionCall[] = [];
  let escapes: TSESTree.Node | undefined;
  const callback = parameterIdentifier(parameters.callback);
  const callbackVariable = callback && resolver.variableOf(callback);
  let callbackUnused = Boolean(callbackVariable);
  for (const reference of callbackVariable?.references ?? []) {
    const use = reference.identifier;
    if (use === callback) continue; // the default value's initialization
    callbackUnused = false;
    const parent = use.parent;
    const isCall = parent.type === 'CallExpression' && parent.callee === use;
    const direct = isCall && enclosingFunction(parent) === fn;
    if (isCall) calls.push({ call: parent, kind: 'callback', direct });
    if (!direct) escapes ??= use;
  }
  const waitsForEmptyEventLoop: TSESTree.MemberExpression[] = [];
  const context = parameterIdentifier(parameters.context);
  let contextEscapes: TSESTree.Node | undefined;
  for (const reference of (context && resolver.variableOf(context)?.references) ?? []) {
    const member = reference.identifier.parent;
    if (member.type !== 'MemberExpression' || member.object !== reference.identifier) continue;
    const name = staticKeyName(member.property, member.computed);
    if (name === 'callbackWaitsForEmptyEventLoop') {
      waitsForEmptyEventLoop.push(member);
      continue;
    }
    const call = member.parent;
    if (name === undefined || !CONTEXT_METHODS.has(name) || call.type !== 'CallExpression' || call.callee !== member) continue;
    const direct = enclosingFunction(call) === fn;
    calls.push({ call, kind: name as CompletionKind, direct });
    if (!direct) contextEscapes ??= call;
  }
  calls.sort((a, b) => a.call.range[0] - b.call.range[0]);
  return {
    calls,
    escapes: escapes ?? contextEscapes,
    callbackUnused,
    restSlotReads: restSlotReads(fn, resolver),
    waitsForEmptyEventLoop,
  };
}

function restSlotReads(fn: FunctionNode, resolver: ValueResolver): TSESTree.MemberExpression[] {
  const restIndex = fn.params.findIndex((parameter) => parameter.type === 'RestElement');
  const rest = fn.params[restIndex];
  if (rest?.type !== 'RestElement' || rest.argument.type !== 'Identifier') return [];
  const reads: TSESTree.MemberExpression[] = [];
  for (const reference of resolver.variableOf(rest.argument)?.references ?? []) {
    const member = reference.identifier.parent;
    if (
      member.type === 'MemberExpression' &&
      member.object === reference.identifier &&
      member.computed &&
      member.property.type === 'Literal' &&
      typeof member.property.value === 'number' &&
      restIndex + member.property.value >= CALLBACK_SLOT
    ) {
      reads.push(member);
    }
  }
  return reads;
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

/**
 * An error argument that is certainly set: `new Error(...)`, a string, the parameter of a `catch`, or
 * the identifier an enclosing `if (error)` just tested.
 */
export function isKnownError(node: TSESTree.Node): boolean {
  const inner = skipTypeWrappers(node);
  if (inner.type === 'NewExpression' || inner.type === 'TemplateLiteral') return true;
  if (inner.type === 'Literal') return typeof inner.value === 'string' && inner.value !== '';
  if (inner.type === 'CallExpression') return inner.callee.type === 'Identifier' && /Error$/u.test(inner.callee.name);
  if (inner.type !== 'Identifier') return false;
  for (let current: TSESTree.Node | undefined = inner.parent; current && !isFunctionNode(current); current = current.parent) {
    if (current.type === 'CatchClause' && current.param?.type === 'Identifier' && current.param.name === inner.name) {
      return true;
    }
    const parent: TSESTree.Node | undefined = current.parent;
    if (
      parent?.type === 'IfStatement' &&
      parent.consequent === current &&
      parent.test.type === 'Identifier' &&
      parent.test.name === inner.name
    ) {
      return true;
    }
  }
  return false;
}

export type CompletionOutcome = { readonly throws: TSESTree.Node } | { readonly returns: TSESTree.Node | undefined };

/**
 * What a completion call means in an async handler: `callback(null, x)`, `context.succeed(x)` and
 * `context.done(null, x)` return `x`; `callback(error)`, `context.fail(error)` and
 * `context.done(error)` throw `error`. Undefined when the file does not show whether an error is set.
 */
export function completionOutcome({ call, kind }: Pick<CompletionCall, 'call' | 'kind'>): CompletionOutcome | undefined {
  const [first, second] = call.arguments;
  if (kind === 'succeed') return { returns: call.arguments.at(-1) };
  if (kind === 'fail') return first ? { throws: first } : undefined;
  if (isNoError(first)) return { returns: second };
  return first && isKnownError(first) ? { throws: first } : undefined;
}
