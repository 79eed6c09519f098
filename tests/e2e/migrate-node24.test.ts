import { cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateNode24 } from '../../src/cli/migrate-node24.js';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';

const fixture = path.join(fixturesDir, 'migrate-repo');
// Inside the repository, so that the fixture's config resolves its packages from node_modules.
const scratch = path.join(fixturesDir, '..', '.tmp');
let work = '';

beforeAll(async () => {
  await mkdir(scratch, { recursive: true });
  work = await mkdtemp(path.join(scratch, 'migrate-'));
  await cp(fixture, work, { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const statusOf = (outcomes: Awaited<ReturnType<typeof migrateNode24>>) =>
  Object.fromEntries(outcomes.map((outcome) => [outcome.file, outcome.status]));

const EXPECTED_STATUS = {
  'handlers/already-async.mjs': 'skipped',
  'handlers/async-with-callback.mjs': 'converted',
  'handlers/broken.cjs': 'error',
  'handlers/callback-before-return.cjs': 'converted',
  'handlers/context-done.cjs': 'converted',
  'handlers/context-fail.cjs': 'converted',
  'handlers/context-succeed.cjs': 'converted',
  'handlers/early-return.cjs': 'converted',
  'handlers/error-passthrough.cjs': 'manual',
  'handlers/exports-object.cjs': 'converted',
  'handlers/expression-body.cjs': 'converted',
  'handlers/function-declaration.mjs': 'converted',
  'handlers/if-else.cjs': 'converted',
  'handlers/lib/worker.cjs': 'skipped',
  'handlers/nested-sdk.cjs': 'manual',
  // Node.js 24 awaits a returned value: nothing to do for the move.
  'handlers/non-async-return.mjs': 'skipped',
  'handlers/passed-along.cjs': 'manual',
  'handlers/sqs-batch.cjs': 'converted',
  'handlers/string-error.cjs': 'converted',
  'handlers/switch-method.cjs': 'converted',
  'handlers/timer-succeed.cjs': 'manual',
  'handlers/try-catch.cjs': 'converted',
  'handlers/typed-handler.ts': 'converted',
  'handlers/unused-callback.mjs': 'converted',
  'handlers/waits-for-loop.cjs': 'converted',
};

describe('migrate-node24 on a repository of handlers', () => {
  it('with --dry-run, prints the diffs and writes nothing', async () => {
    const before = await readFile(path.join(work, 'handlers/early-return.cjs'), 'utf8');
    const outcomes = await migrateNode24(plugin, { paths: ['.'], cwd: work, dryRun: true });
    expect(statusOf(outcomes)).toEqual(EXPECTED_STATUS);
    expect(await readFile(path.join(work, 'handlers/early-return.cjs'), 'utf8')).toBe(before);
    expect(outcomes.find((outcome) => outcome.file === 'handlers/early-return.cjs')?.diff).toBe(
      [
        '===================================================================',
        '--- a/handlers/early-return.cjs',
        '+++ b/handlers/early-return.cjs',
        '@@ -1,6 +1,6 @@',
        '-exports.handler = (event, context, callback) => {',
        '+exports.handler = async (event, context) => {',
        '   if (!event.id) {',
        "-    return callback(new Error('no id'));",
        "+    throw new Error('no id');",
        '   }',
        '-  callback(null, { statusCode: 200, body: JSON.stringify({ id: event.id }) });',
        '+  return { statusCode: 200, body: JSON.stringify({ id: event.id }) };',
        ' };',
        '',
      ].join('\n'),
    );
  });

  it('converts what it can, writes it, and says what needs a person and why', async () => {
    const outcomes = await migrateNode24(plugin, { paths: ['.'], cwd: work, dryRun: false });
    expect(statusOf(outcomes)).toEqual(EXPECTED_STATUS);
    const manual = Object.fromEntries(
      outcomes.filter((outcome) => outcome.manual.length > 0).map((outcome) => [outcome.file, outcome.manual.map((item) => `${item.line}:${item.column} ${item.rule}`)]),
    );
    expect(manual).toEqual({
      'handlers/error-passthrough.cjs': ['3:36 aws-lambda/no-callback-handler'],
      'handlers/nested-sdk.cjs': ['4:43 aws-lambda/no-callback-handler'],
      'handlers/passed-along.cjs': ['3:36 aws-lambda/no-callback-handler'],
      'handlers/timer-succeed.cjs': ['2:20 aws-lambda/no-legacy-context-methods'],
    });
    expect(outcomes.find((outcome) => outcome.file === 'handlers/nested-sdk.cjs')?.manual[0]?.message).toContain(
      'The callback is called from, or passed to, another function',
    );
    expect(outcomes.find((outcome) => outcome.file === 'handlers/broken.cjs')?.error).toMatch(/^line 2: Parsing error/u);
    // The broken file is left as it was.
    expect(await readFile(path.join(work, 'handlers/broken.cjs'), 'utf8')).toBe(
      await readFile(path.join(fixture, 'handlers/broken.cjs'), 'utf8'),
    );
    // No temporary file is left behind.
    expect((await readdir(path.join(work, 'handlers'))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  // The one report left is valid-callback's about errors that read like client errors: answering a
  // 4xx instead changes what the client sees, so the migration leaves that to a person.
  it('leaves every converted handler passing all rules on nodejs24.x but client-error advice', async () => {
    const converted = Object.entries(EXPECTED_STATUS).filter(([, status]) => status === 'converted').map(([file]) => file);
    const eslint = new ESLint({
      cwd: work,
      overrideConfig: [plugin.configs.all, { settings: { 'aws-lambda': { runtime: 'nodejs24.x' } } }],
    });
    const results = await eslint.lintFiles(converted);
    expect(
      results.flatMap((result) => result.messages.map((message) => `${path.basename(result.filePath)}:${message.line} ${message.ruleId ?? ''} ${message.messageId ?? ''}`)),
    ).toEqual([
      // Each of these errors is raised by a guard on the request: the client's, answered as a 5xx.
      'context-done.cjs:3 aws-lambda/valid-callback clientError',
      'context-fail.cjs:3 aws-lambda/valid-callback clientError',
      'early-return.cjs:3 aws-lambda/valid-callback clientError',
      'typed-handler.ts:5 aws-lambda/valid-callback clientError',
    ]);
  });

  it('a second run changes nothing', async () => {
    const outcomes = await migrateNode24(plugin, { paths: ['.'], cwd: work, dryRun: true });
    expect(outcomes.filter((outcome) => outcome.diff !== '').map((outcome) => outcome.file)).toEqual([]);
  });

  // Self-contained handlers (no imports, plain JavaScript) that the migration converted: the async
  // handler answers what the original answered through its callback or context, for each sample event.
  const EVENTS = [
    { id: 5, name: 'Ada', httpMethod: 'GET', body: '{"a":1}' },
    { id: 0, httpMethod: 'POST', body: 'not json' },
    { id: 20, httpMethod: 'PUT', body: '[]', Records: [{ messageId: 'm1', body: '' }, { messageId: 'm2', body: 'x' }] },
    { id: -3, httpMethod: 'DELETE' },
    {},
  ];
  const SELF_CONTAINED = Object.entries(EXPECTED_STATUS)
    .filter(([file, status]) => status === 'converted' && !file.endsWith('.ts'))
    .map(([file]) => file);

  it.each(SELF_CONTAINED)('%s answers as it did', async (file) => {
    const original = await load(path.join(fixture, file));
    const migrated = await load(path.join(work, file));
    for (const name of Object.keys(original)) {
      for (const event of EVENTS) {
        expect(await runMigrated(migrated[name]!, event), `${name}(${JSON.stringify(event)})`).toEqual(
          await runOriginal(original[name]!, event),
        );
      }
    }
  });
});

type Handler = (...args: unknown[]) => unknown;
interface Outcome {
  error: string | null;
  response: unknown;
}

async function load(file: string): Promise<Record<string, Handler>> {
  if (file.endsWith('.cjs')) return createRequire(import.meta.url)(file) as Record<string, Handler>;
  return (await import(`${pathToFileURL(file).href}?t=${Date.now()}`)) as Record<string, Handler>;
}

const describeError = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Runs a handler the way Node.js 22's runtime does: callback, context methods or promise, first wins. */
function runOriginal(handler: Handler, event: unknown): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (error: unknown, response: unknown) => {
      if (settled) return;
      settled = true;
      resolve({ error: error === null || error === undefined ? null : describeError(error), response: response ?? null });
    };
    const context = {
      awsRequestId: 'test',
      callbackWaitsForEmptyEventLoop: true,
      succeed: (value: unknown) => {
        settle(null, value);
      },
      fail: (error: unknown) => {
        settle(error ?? 'handled', null);
      },
      done: (error: unknown, value: unknown) => {
        settle(error, value);
      },
    };
    try {
      const result = handler(event, context, settle) as { then?: unknown } | undefined;
      if (result && typeof result.then === 'function') {
        (result as Promise<unknown>).then(
          (value) => {
            settle(null, value);
          },
          (error: unknown) => {
            settle(error, null);
          },
        );
      }
    } catch (error) {
      settle(error, null);
    }
  });
}

/** Runs a handler the way Node.js 24's runtime does: two arguments, the awaited result. */
async function runMigrated(handler: Handler, event: unknown): Promise<Outcome> {
  try {
    return { error: null, response: (await handler(event, { awsRequestId: 'test' })) ?? null };
  } catch (error) {
    return { error: describeError(error), response: null };
  }
}
