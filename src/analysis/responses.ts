import type { TSESTree } from '@typescript-eslint/utils';
import { type CompletionKind, type HandlerCompletions, type HandlerParameters, isNoError } from './completions.js';
import { type FunctionNode, skipTypeWrappers, type ValueResolver } from './resolve.js';
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
  /**
   * Whether the caller receives this exit's value as the response. Not for a non-async callback
   * handler's `return` (the runtime ignores it; a bare `return;` is an early exit), a completion that
   * passes an error, or `context.fail`.
   */
  readonly answers: boolean;
  /** What the response can be, as written: a promise stays a promise. */
  readonly written: readonly ResolvedValue[];
  /** What the response can be, settled when it is a promise. */
  readonly values: readonly ResolvedValue[];
  /** What the error argument can be. */
  readonly errorValues: readonly ResolvedValue[];
}

const EXIT_KINDS: Readonly<Record<CompletionKind, ExitKind>> = {
  callback: 'callback',
  succeed: 'context.succeed',
  done: 'context.done',
  fail: 'context.fail',
};

/** Every way a response leaves the handler: returns, callback calls and `context` methods. */
export function collectExits(
  fn: FunctionNode,
  parameters: HandlerParameters,
  completions: HandlerCompletions,
  resolver: ValueResolver,
): HandlerExit[] {
  const completionCalls = new Set<TSESTree.Node>(completions.calls.map(({ call }) => call));
  const exits: HandlerExit[] = [];
  const exit = (
    kind: ExitKind,
    node: TSESTree.Node,
    argument: TSESTree.Node | undefined,
    errorArgument: TSESTree.Node | undefined,
    answers: boolean,
  ): void => {
    exits.push(new Exit(kind, node, argument, errorArgument, answers, resolver));
  };

  const returnAnswers = (argument: TSESTree.Node | undefined): boolean =>
    fn.async || (argument !== undefined && !parameters.callback);
  if (fn.body.type === 'BlockStatement') {
    resolver.walk(fn.body, (node) => {
      if (node.type !== 'ReturnStatement') return;
      const argument = node.argument ?? undefined;
      if (argument && completionCalls.has(skipTypeWrappers(argument))) return;
      exit('return', node, argument, undefined, returnAnswers(argument));
    });
  } else if (!completionCalls.has(skipTypeWrappers(fn.body))) {
    exit('return', fn.body, fn.body, undefined, returnAnswers(fn.body));
  }
  for (const { call, kind } of completions.calls) {
    const [first, second] = call.arguments;
    switch (kind) {
      case 'succeed':
        exit(EXIT_KINDS[kind], call, call.arguments.at(-1), undefined, true);
        break;
      case 'fail':
        exit(EXIT_KINDS[kind], call, undefined, first, false);
        break;
      default:
        exit(EXIT_KINDS[kind], call, second, first, isNoError(first));
    }
  }
  return exits;
}

/** An exit whose values are resolved when a rule first reads them: the callback rules never read most of them. */
class Exit implements HandlerExit {
  private writtenOnce: readonly ResolvedValue[] | undefined;
  private valuesOnce: readonly ResolvedValue[] | undefined;
  private errorValuesOnce: readonly ResolvedValue[] | undefined;

  constructor(
    readonly kind: ExitKind,
    readonly node: TSESTree.Node,
    readonly argument: TSESTree.Node | undefined,
    readonly errorArgument: TSESTree.Node | undefined,
    readonly answers: boolean,
    private readonly resolver: ValueResolver,
  ) {}

  get written(): readonly ResolvedValue[] {
    this.writtenOnce ??= this.argument ? this.resolver.resolve(this.argument) : [{ kind: 'undefined', node: this.node }];
    return this.writtenOnce;
  }

  get values(): readonly ResolvedValue[] {
    this.valuesOnce ??= this.argument ? this.resolver.settle(this.written) : this.written;
    return this.valuesOnce;
  }

  get errorValues(): readonly ResolvedValue[] {
    this.errorValuesOnce ??= this.errorArgument ? this.resolver.resolve(this.errorArgument) : [];
    return this.errorValuesOnce;
  }
}
