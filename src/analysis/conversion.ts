import type { TSESTree } from '@typescript-eslint/utils';
import { type CompletionCall, completionOutcome, type CompletionOutcome, type HandlerCompletions } from './completions.js';
import type { FunctionNode } from './resolve.js';

/**
 * Whether a callback-style handler can become an async one by rewriting its completion calls in place
 * (`callback(null, x)` becomes `return x`, `callback(error)` becomes `throw error`), and where each
 * call sits. Facts only: the fixers in `fixes/` write the text.
 */

/** Why a handler cannot be converted by rewriting its calls in place. */
export type BlockedReason =
  /** The callback is called from, or passed into, another function (`db.get(params, (err, data) => callback(...))`). */
  | 'escapes'
  /** A call sits where `return` or `throw` would change what runs next. */
  | 'position'
  /** `callback(error, result)` where the file does not show whether `error` is set. */
  | 'unknown-error'
  /** `callback(error)` inside a `try` block, where `throw` would run the `catch`. */
  | 'try';

/** Where a convertible call stands. */
export type CallPlacement =
  /** The expression body of an arrow: `(event, context, callback) => callback(null, x)`. */
  | { readonly kind: 'arrow-body' }
  /**
   * A statement after which nothing of the handler runs, or one followed by the bare `return;` (or the
   * `break;` of a switch that ends the handler) that goes with it.
   */
  | { readonly kind: 'statement'; readonly statement: TSESTree.Node; readonly following: TSESTree.Node | undefined };

export interface ConvertibleCall {
  readonly completion: Pick<CompletionCall, 'call' | 'kind'>;
  readonly outcome: CompletionOutcome;
  readonly placement: CallPlacement;
}

export type CallConversion = ConvertibleCall | { readonly reason: BlockedReason };

export type AsyncConversion =
  | { readonly ok: true; readonly calls: readonly ConvertibleCall[] }
  | { readonly ok: false; readonly reason: BlockedReason };

/** The plan for a whole handler: every completion call convertible, or the first reason it is not. */
export function planAsyncConversion(fn: FunctionNode, completions: HandlerCompletions): AsyncConversion {
  if (completions.escapes) return { ok: false, reason: 'escapes' };
  const calls: ConvertibleCall[] = [];
  for (const completion of completions.calls) {
    const plan = planCallConversion(fn, completion);
    if ('reason' in plan) return { ok: false, reason: plan.reason };
    calls.push(plan);
  }
  return { ok: true, calls };
}

/** Whether one completion call in the handler's own body can become `return x` or `throw error`. */
export function planCallConversion(fn: FunctionNode, completion: Pick<CompletionCall, 'call' | 'kind'>): CallConversion {
  const { call } = completion;
  const outcome = completionOutcome(completion);
  if (!outcome) return { reason: 'unknown-error' };
  if ('throws' in outcome && insideTryWithCatch(call, fn)) return { reason: 'try' };
  if (fn.body === call) return { completion, outcome, placement: { kind: 'arrow-body' } };
  const statement = call.parent;
  const isReturn = statement.type === 'ReturnStatement' && statement.argument === call;
  const isExpression = statement.type === 'ExpressionStatement' && statement.expression === call;
  if (!isReturn && !isExpression) return { reason: 'position' };
  let following: TSESTree.Node | undefined;
  if (!isReturn && !isTail(statement, fn)) {
    following = followingExit(statement, fn);
    if (!following) return { reason: 'position' };
  }
  return { completion, outcome, placement: { kind: 'statement', statement, following } };
}

function insideTryWithCatch(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current: TSESTree.Node = node; current !== fn; current = current.parent!) {
    const parent = current.parent;
    if (parent?.type === 'TryStatement' && parent.block === current && parent.handler) return true;
  }
  return false;
}

/** Whether nothing of the handler runs after this statement (so `return` or `throw` there changes no flow). */
function isTail(statement: TSESTree.Node, fn: FunctionNode): boolean {
  let current: TSESTree.Node = statement;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case 'BlockStatement':
        if (parent.body.at(-1) !== current) return false;
        if (parent === fn.body) return true;
        break;
      case 'IfStatement':
      case 'LabeledStatement':
        break;
      case 'TryStatement':
        if (parent.finalizer === current) return false;
        break;
      case 'CatchClause':
        break;
      case 'SwitchCase': {
        const switchStatement = parent.parent;
        if (parent.consequent.at(-1) !== current || switchStatement.cases.at(-1) !== parent) return false;
        current = switchStatement;
        continue;
      }
      default:
        return false;
    }
    current = parent;
  }
}

/**
 * The bare `return;` right after a statement, or the `break;` that ends a switch case when the switch
 * ends the handler: the statement can become `return x` and that exit goes.
 */
function followingExit(statement: TSESTree.Node, fn: FunctionNode): TSESTree.Node | undefined {
  const parent = statement.parent;
  const siblings =
    parent?.type === 'BlockStatement' ? parent.body : parent?.type === 'SwitchCase' ? parent.consequent : undefined;
  if (!siblings) return undefined;
  const next = siblings[siblings.indexOf(statement as TSESTree.Statement) + 1];
  if (next?.type === 'ReturnStatement' && !next.argument) return next;
  if (next?.type === 'BreakStatement' && !next.label && parent?.type === 'SwitchCase' && isTail(parent.parent, fn)) {
    return next;
  }
  return undefined;
}
