import type { TSESLint } from '@typescript-eslint/utils';

/**
 * The fix policy in one place. Each remedy a rule offers names why it is an automatic fix or only a
 * suggestion, so that every choice can be reviewed against the policy (design.md, "Fix policy"):
 * autofix where behaviour is provably kept or where the code as written always fails at run time;
 * otherwise a suggestion for a person to accept.
 */
export const FIX_REASONS = {
  /** The code as written always fails at run time: any working rewrite is better. */
  'fails-as-written': 'fix',
  /** The rewrite provably keeps what the code does. */
  'keeps-behaviour': 'fix',
  /** The rewrite changes what runs after it (a callback becomes `return`, a statement goes). */
  'changes-control-flow': 'suggest',
  /** The rewrite picks one answer among several the author may want (a status code, a body, a field). */
  'chooses-for-the-author': 'suggest',
  /** What the value is at run time is not certain, and the rewrite is wrong for some of its values. */
  'value-uncertain': 'suggest',
  /** The code does nothing on Node.js 24 but still acts where the function may run on an older runtime. */
  'acts-on-older-runtimes': 'suggest',
} as const;

export type FixReason = keyof typeof FIX_REASONS;

export interface Remedy<MessageIds extends string> {
  /** How the remedy is described when it is offered as a suggestion. */
  readonly messageId: MessageIds;
  readonly data?: Record<string, unknown>;
  readonly fix: TSESLint.ReportFixFunction;
}

export interface FixOrSuggestion<MessageIds extends string> {
  readonly fix: TSESLint.ReportFixFunction | null;
  readonly suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[];
}

/** The `fix` and `suggest` of a report for a remedy (none when there is no remedy), by the policy. */
export function fixOrSuggest<MessageIds extends string>(
  reason: FixReason,
  remedy: Remedy<MessageIds> | undefined,
): FixOrSuggestion<MessageIds> {
  if (!remedy) return { fix: null, suggest: [] };
  return FIX_REASONS[reason] === 'fix' ? { fix: remedy.fix, suggest: [] } : { fix: null, suggest: [remedy] };
}
