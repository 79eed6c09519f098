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

/**
 * The Lambda schedule of the Node.js runtimes, as of SCHEDULE_AS_OF: the day each is deprecated
 * (no more patches; the function must move), and the days Lambda blocks creating and then updating
 * functions on it. A runtime whose deprecation day is on or before SCHEDULE_AS_OF is deprecated here,
 * whatever day the lint runs, so that results do not change under the user's feet; the next edit of
 * this table moves it.
 *
 * Sources (read 2026-11-29): the Lambda runtimes page (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html),
 * quoted with dates by endoflife.date/aws-lambda (22.x, 24.x) and third-party notices for 20.x (block
 * create 2026-08-31, update 2026-09-30; earlier notices said June and July) and for 16.x and 18.x (block
 * update moved from 2025-11-01 to 2026-03-09). Ids before 16.x (`nodejs14.x`, `nodejs8.10`, `nodejs`)
 * were all deprecated long before.
 */
export const SCHEDULE_AS_OF = '2026-11-29';

export interface RuntimeSchedule {
  readonly runtime: string;
  readonly deprecated: string;
  readonly blockCreate: string;
  readonly blockUpdate: string;
}

export const NODE_RUNTIME_SCHEDULE: readonly RuntimeSchedule[] = [
  { runtime: 'nodejs24.x', deprecated: '2028-04-30', blockCreate: '2028-06-01', blockUpdate: '2028-07-01' },
  { runtime: 'nodejs22.x', deprecated: '2027-04-30', blockCreate: '2027-06-01', blockUpdate: '2027-07-01' },
  { runtime: 'nodejs20.x', deprecated: '2026-04-30', blockCreate: '2026-08-31', blockUpdate: '2026-09-30' },
  { runtime: 'nodejs18.x', deprecated: '2025-09-01', blockCreate: '2025-10-01', blockUpdate: '2026-03-09' },
  { runtime: 'nodejs16.x', deprecated: '2024-06-12', blockCreate: '2025-10-01', blockUpdate: '2026-03-09' },
];

/** Any Node.js runtime id a descriptor may name: `nodejs22.x`, and old forms such as `nodejs8.10` or `nodejs`. */
export const ANY_NODE_RUNTIME_ID = /^nodejs(?:\d+\.(?:x|\d+))?$/u;

/** The oldest runtime id in the schedule: every id before it was deprecated long ago. */
const OLDEST_SCHEDULED_MAJOR = 16;

/** The day a runtime was deprecated, when it is by SCHEDULE_AS_OF; undefined for a supported one. */
export function deprecatedSince(runtime: string): string | undefined {
  const scheduled = NODE_RUNTIME_SCHEDULE.find((entry) => entry.runtime === runtime);
  if (scheduled) return scheduled.deprecated <= SCHEDULE_AS_OF ? scheduled.deprecated : undefined;
  const major = /^nodejs(\d+)/u.exec(runtime)?.[1];
  return major === undefined || Number(major) < OLDEST_SCHEDULED_MAJOR ? 'long ago' : undefined;
}
