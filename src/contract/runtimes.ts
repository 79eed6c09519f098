/**
 * The Node.js Lambda runtimes as data. The runtime interface changed at Node.js 24 (aws-lambda-ric 4):
 * three-parameter handlers are refused at start-up, `context.succeed/fail/done` and
 * `callbackWaitsForEmptyEventLoop` are gone, and a plain returned value is awaited. Before it
 * (aws-lambda-ric 3), a non-async handler's returned value is ignored. Source: the spec's section 6.
 */

/** A Lambda runtime identifier for Node.js: `nodejs22.x`, with the major version captured. */
export const NODE_RUNTIME_ID = /^nodejs(\d+)\.x$/u;

/** The first Node.js major on the new runtime interface. */
export const FIRST_MODERN_MAJOR = 24;

/** How messages name the runtime line before Node.js 24 when no runtime is configured. */
export const CLASSIC_LINE_NAME = 'Node.js 22 and earlier';

/** The major Node.js version of a runtime identifier (NaN for anything else). */
export function runtimeMajor(runtime: string): number {
  return Number(NODE_RUNTIME_ID.exec(runtime)?.[1]);
}
