import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { LambdaHandler } from '../analysis/analyze.js';
import { type FunctionNode, isFunctionNode, skipTypeWrappers, type ValueResolver } from '../analysis/resolve.js';
import { contextMethodCalls, isNoError, parameterIdentifier } from '../analysis/responses.js';
import { addAsyncFix } from './add-async.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A call that completes a callback-style handler: the callback, or `context.succeed/fail/done`. */
export interface CompletionCall {
  readonly call: TSESTree.CallExpression;
  readonly kind: 'callback' | 'succeed' | 'fail' | 'done';
}

/** Why a handler cannot be converted by rewriting its calls in place. */
export type BlockedReason =
  /** The callback is called from, or passed into, another function (`db.get(params, (err, data) => callback(...))`). */
  | 'escapes'
  /** A call sits where `return` or `throw` would change what runs next. */
  | 'position'
  /** `callback(error, result)` where the file does not show whether `error` is set. */
  | 'unknown-error'
  /** `callback(error)` inside a `try` block, where `throw` would run the `catch` instead. */
  | 'try';

export type ConversionPlan =
  | { readonly ok: true; readonly fix: TSESLint.ReportFixFunction; readonly calls: readonly CompletionCall[] }
  | { readonly ok: false; readonly reason: BlockedReason; readonly node: TSESTree.Node };

type FoundCompletions = readonly CompletionCall[] | { readonly escapes: TSESTree.Node };

/** What each handler's completion calls and conversion plan are: three rules ask for them. */
const completionsOf = new WeakMap<LambdaHandler, FoundCompletions>();
const conversionsOf = new WeakMap<LambdaHandler, ConversionPlan>();

/** The calls that complete a handler: every call of its callback and of `context.succeed/fail/done`. */
export function completionCalls(handler: LambdaHandler, resolver: ValueResolver): FoundCompletions {
  let found = completionsOf.get(handler);
  if (!found) {
    found = findCompletionCalls(handler, resolver);
    completionsOf.set(handler, found);
  }
  return found;
}

function findCompletionCalls(handler: LambdaHandler, resolver: ValueResolver): FoundCompletions {
  const calls: CompletionCall[] = [];
  const callback = parameterIdentifier(handler.parameters.callback);
  const variable = callback && resolver.variableOf(callback);
  for (const reference of variable?.references ?? []) {
    const use = reference.identifier;
    if (use === callback) continue; // the default value's initialization
    const parent = use.parent;
    if (parent.type !== 'CallExpression' || parent.callee !== use || enclosingFunction(parent) !== handler.function) {
      return { escapes: use };
    }
    calls.push({ call: parent, kind: 'callback' });
  }
  for (const [call, kind] of contextMethodCalls(parameterIdentifier(handler.parameters.context), resolver)) {
    if (enclosingFunction(call) !== handler.function) return { escapes: call };
    calls.push({ call, kind });
  }
  return calls.sort((a, b) => a.call.range[0] - b.call.range[0]);
}

/**
 * Plans the conversion of a callback-style handler to an async one: `callback(null, x)` becomes
 * `return x`, `callback(error)` becomes `throw error`, `context.succeed/fail/done` likewise, `async` is
 * added, and the callback parameter is removed. Offered only when every call sits where `return` or
 * `throw` keeps the control flow: the end of the function, the end of an if/else/try/switch branch
 * that ends it, or directly before a bare `return` (or a `break` of a switch that ends it).
 */
export function planAsyncConversion(handler: LambdaHandler, resolver: ValueResolver, sourceCode: SourceCode): ConversionPlan {
  let plan = conversionsOf.get(handler);
  if (!plan) {
    plan = planConversion(handler, resolver, sourceCode);
    conversionsOf.set(handler, plan);
  }
  return plan;
}

function planConversion(handler: LambdaHandler, resolver: ValueResolver, sourceCode: SourceCode): ConversionPlan {
  const found = completionCalls(handler, resolver);
  if ('escapes' in found) return { ok: false, reason: 'escapes', node: found.escapes };
  const edits: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[])[] = [];
  for (const completion of found) {
    const edit = planCall(handler.function, completion, sourceCode);
    if ('reason' in edit) return { ok: false, reason: edit.reason, node: completion.call };
    edits.push(edit.fix);
  }
  const fn = handler.function;
  const addAsync = addAsyncFix(fn, sourceCode);
  const removeParameter = fn.params.length === 3 ? parameterRemoval(fn, 2) : undefined;
  const fix: TSESLint.ReportFixFunction = (fixer) => {
    const fixes: TSESLint.RuleFix[] = edits.flatMap((edit) => edit(fixer));
    if (addAsync) fixes.push(addAsync(fixer));
    if (removeParameter) fixes.push(removeParameter(fixer));
    return fixes;
  };
  return { ok: true, fix, calls: found };
}

/** Removes parameter `index` (not the first) with the comma before it. */
export function parameterRemoval(
  fn: FunctionNode,
  index: number,
): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
  const parameter = fn.params[index]!;
  const previous = fn.params[index - 1]!;
  return (fixer) => fixer.removeRange([previous.range[1], parameter.range[1]]);
}

type CallEdit = { fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] } | { reason: BlockedReason };

/**
 * Rewrites one completion call as `return x` or `throw error`, when it sits where that keeps the
 * control flow of `fn`; otherwise the reason it cannot.
 */
export function planCall(fn: FunctionNode, completion: CompletionCall, sourceCode: SourceCode): CallEdit {
  const { call } = completion;
  const outcome = completionOutcome(completion);
  if (!outcome) return { reason: 'unknown-error' };
  if ('throws' in outcome && insideTryWithCatch(call, fn)) return { reason: 'try' };

  // An arrow whose body is the call: `(event, context, callback) => callback(null, x)`.
  if (fn.body === call) {
    return {
      fix: (fixer) => [
        'throws' in outcome
          ? fixer.replaceText(call, `{ ${outcomeStatement(outcome, sourceCode, ';')} }`)
          : fixer.replaceText(call, outcome.returns ? objectSafe(outcome.returns, sourceCode) : 'undefined'),
      ],
    };
  }
  const statement = call.parent;
  const isReturn = statement.type === 'ReturnStatement' && statement.argument === call;
  const isExpression = statement.type === 'ExpressionStatement' && statement.expression === call;
  if (!isReturn && !isExpression) return { reason: 'position' };
  let following: TSESTree.Node | undefined;
  if (!isReturn && !isTail(statement, fn)) {
    following = followingExit(statement, fn);
    if (!following) return { reason: 'position' };
  }
  const semicolon = sourceCode.getLastToken(statement)?.value === ';' ? ';' : '';
  const replacement = outcomeStatement(outcome, sourceCode, semicolon);
  return {
    fix: (fixer) => {
      const fixes = [fixer.replaceText(statement, replacement)];
      if (following) fixes.push(fixer.removeRange([statement.range[1], following.range[1]]));
      return fixes;
    },
  };
}

export type CompletionOutcome = { readonly throws: TSESTree.Node } | { readonly returns: TSESTree.Node | undefined };

/**
 * What a completion call means in an async handler: `callback(null, x)`, `context.succeed(x)` and
 * `context.done(null, x)` return `x`; `callback(error)`, `context.fail(error)` and
 * `context.done(error)` throw `error`. Undefined when the file does not show whether an error is set.
 */
export function completionOutcome({ call, kind }: CompletionCall): CompletionOutcome | undefined {
  const [first, second] = call.arguments;
  if (kind === 'succeed') return { returns: call.arguments.at(-1) };
  if (kind === 'fail') return first ? { throws: first } : undefined;
  if (isNoError(first)) return { returns: second };
  return first && isKnownError(first) ? { throws: first } : undefined;
}

/** `return x;`, `return;` or `throw error;` for an outcome, ending with `semicolon`. */
export function outcomeStatement(outcome: CompletionOutcome, sourceCode: SourceCode, semicolon: string): string {
  if ('throws' in outcome) return `throw ${sourceCode.getText(outcome.throws)}${semicolon}`;
  return outcome.returns ? `return ${sourceCode.getText(outcome.returns)}${semicolon}` : `return${semicolon}`;
}

/** A value written where an arrow's expression body goes: object literals need parentheses. */
function objectSafe(node: TSESTree.Node, sourceCode: SourceCode): string {
  const text = sourceCode.getText(node);
  return skipTypeWrappers(node).type === 'ObjectExpression' && !ASTUtils.isParenthesized(node, sourceCode) ? `(${text})` : text;
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

export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

function insideTryWithCatch(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let current: TSESTree.Node = node; current !== fn; current = current.parent!) {
    const parent = current.parent;
    if (parent?.type === 'TryStatement' && parent.block === current && parent.handler) return true;
  }
  return false;
}

/** Whether nothing of the handler runs after this statement (so `return` or `throw` there changes no flow). */
export function isTail(statement: TSESTree.Node, fn: FunctionNode): boolean {
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
