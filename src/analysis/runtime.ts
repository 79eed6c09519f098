import { CLASSIC_LINE_NAME, deprecatedSince, FIRST_MODERN_MAJOR, runtimeMajor } from '../contract/runtimes.js';
import type { LambdaSettings } from './settings.js';

/**
 * The Node.js runtime lines a handler may run on. The Lambda runtime changed at Node.js 24
 * (aws-lambda-ric 4): callbacks and `context.succeed` are gone and plain return values are awaited.
 */
export interface RuntimeLines {
  /** Node.js 22 and earlier (aws-lambda-ric 3): callbacks work, a plain return value is ignored. */
  readonly classic: boolean;
  /** Node.js 24 and later (aws-lambda-ric 4): three-parameter handlers fail at start-up. */
  readonly modern: boolean;
  /** The identifier the lines came from, or undefined when both are checked. */
  readonly runtime: string | undefined;
  /**
   * When the descriptor names a deprecated runtime, the day it was deprecated: the function must move
   * to a supported runtime, so both lines are checked.
   */
  readonly deprecatedSince?: string;
}

const BOTH: RuntimeLines = { classic: true, modern: true, runtime: undefined };

/**
 * The runtime lines: from the settings, else from the deployment descriptor, else both. A deprecated
 * runtime in a descriptor counts as both: the function must move, and the move may break it.
 */
export function decideRuntime(settings: LambdaSettings, described: string | undefined): RuntimeLines {
  const runtime = settings.runtime ?? described;
  if (runtime === undefined) return BOTH;
  const since = settings.runtime === undefined ? deprecatedSince(runtime) : undefined;
  if (since !== undefined) return { classic: true, modern: true, runtime, deprecatedSince: since };
  const modern = runtimeMajor(runtime) >= FIRST_MODERN_MAJOR;
  return { classic: !modern, modern, runtime };
}

/** How a message names the runtime line up to Node.js 22: the configured runtime, or the whole line. */
export function classicRuntimeLabel(lines: RuntimeLines): string {
  return lines.runtime ?? CLASSIC_LINE_NAME;
}

/**
 * What a message about Node.js 24 says first when the descriptor's runtime is deprecated: that the
 * function must move, and that the move is what breaks it. Empty otherwise.
 */
export function deprecationNote(lines: RuntimeLines): string {
  if (lines.deprecatedSince === undefined || lines.runtime === undefined) return '';
  const since = lines.deprecatedSince === 'long ago' ? '' : ` since ${lines.deprecatedSince}`;
  return `${lines.runtime} is deprecated${since}, so this function must move to nodejs22.x or nodejs24.x, and on the move: `;
}
