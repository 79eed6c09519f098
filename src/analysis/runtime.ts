import { CLASSIC_LINE_NAME, FIRST_MODERN_MAJOR, runtimeMajor } from '../contract/runtimes.js';
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
}

const BOTH: RuntimeLines = { classic: true, modern: true, runtime: undefined };

/** The runtime lines: from the settings, else from the deployment descriptor, else both. */
export function decideRuntime(settings: LambdaSettings, described: string | undefined): RuntimeLines {
  const runtime = settings.runtime ?? described;
  if (runtime === undefined) return BOTH;
  const modern = runtimeMajor(runtime) >= FIRST_MODERN_MAJOR;
  return { classic: !modern, modern, runtime };
}

/** How a message names the runtime line up to Node.js 22: the configured runtime, or the whole line. */
export function classicRuntimeLabel(lines: RuntimeLines): string {
  return lines.runtime ?? CLASSIC_LINE_NAME;
}
