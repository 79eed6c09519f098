import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Segment = TSESLint.CodePathSegment;
type CodePath = TSESLint.CodePath;

/** Whether the completion (callback or `context` method) was called on some path, and on every path. */
interface CompletionState {
  may: boolean;
  must: boolean;
}

/**
 * Follows ESLint's code path analysis through one set of functions and records, per code path segment,
 * whether a completion call happened on some path or on every path leading there. Calls in other
 * functions (nested callbacks) do not count: they belong to their own code paths.
 */
export class CompletionTracker {
  private readonly states = new Map<Segment, CompletionState>();
  private readonly stack: { node: TSESTree.Node; current: Set<Segment> }[] = [];

  constructor(private readonly tracked: ReadonlySet<TSESTree.Node>) {}

  /** The listeners to merge into a rule's: they keep the current segments of tracked functions. */
  listeners(onEnd: (codePath: CodePath, node: TSESTree.Node, stateOf: (segment: Segment) => CompletionState) => void) {
    const stateOf = (segment: Segment): CompletionState => this.states.get(segment) ?? { may: false, must: false };
    return {
      onCodePathStart: (_codePath: CodePath, node: TSESTree.Node) => {
        this.stack.push({ node, current: new Set() });
      },
      onCodePathEnd: (codePath: CodePath, node: TSESTree.Node) => {
        this.stack.pop();
        if (this.tracked.has(node)) onEnd(codePath, node, stateOf);
      },
      onCodePathSegmentStart: (segment: Segment) => {
        const top = this.stack.at(-1);
        if (!top || !this.tracked.has(top.node)) return;
        top.current.add(segment);
        const previous = segment.prevSegments.map(stateOf);
        this.states.set(segment, {
          may: previous.some((state) => state.may),
          must: previous.length > 0 && previous.every((state) => state.must),
        });
      },
      onCodePathSegmentEnd: (segment: Segment) => {
        this.stack.at(-1)?.current.delete(segment);
      },
    };
  }

  /**
   * Records a completion call in the current function; true when some path had already called one,
   * so that this call can be the second on that path.
   */
  complete(): boolean {
    const top = this.stack.at(-1);
    if (!top || !this.tracked.has(top.node)) return false;
    let again = false;
    for (const segment of top.current) {
      const state = this.states.get(segment) ?? { may: false, must: false };
      again ||= state.may;
      this.states.set(segment, { may: true, must: true });
    }
    return again;
  }
}

/**
 * Which of a set of functions can run off their end (no `return` or `throw` on some path), the way
 * ESLint's own `getter-return` finds it: a segment still reachable when the function is left.
 */
export class FallThroughTracker {
  private readonly stack: { node: TSESTree.Node; current: Set<Segment> }[] = [];
  readonly fallsThrough = new Set<TSESTree.Node>();

  constructor(private readonly tracked: ReadonlySet<TSESTree.Node>) {}

  listeners(): TSESLint.RuleListener {
    const add = (segment: Segment) => this.stack.at(-1)?.current.add(segment);
    const remove = (segment: Segment) => this.stack.at(-1)?.current.delete(segment);
    const leave = (node: TSESTree.Node) => {
      const top = this.stack.at(-1);
      if (top?.node === node && this.tracked.has(node) && [...top.current].some((segment) => segment.reachable)) {
        this.fallsThrough.add(node);
      }
    };
    return {
      onCodePathStart: (_codePath: CodePath, node: TSESTree.Node) => {
        this.stack.push({ node, current: new Set() });
      },
      onCodePathEnd: () => {
        this.stack.pop();
      },
      onCodePathSegmentStart: add,
      onCodePathSegmentEnd: remove,
      onUnreachableCodePathSegmentStart: add,
      onUnreachableCodePathSegmentEnd: remove,
      'ArrowFunctionExpression:exit': leave,
      'FunctionExpression:exit': leave,
      'FunctionDeclaration:exit': leave,
    } as unknown as TSESLint.RuleListener;
  }
}

/**
 * Whether a body's last statement returns or throws: then the function cannot fall off its end (every
 * path to the end of the body runs that statement), and no code path needs following to know it.
 */
export function endsInReturnOrThrow(body: TSESTree.BlockStatement): boolean {
  const last = body.body.at(-1);
  return last?.type === 'ReturnStatement' || last?.type === 'ThrowStatement';
}
