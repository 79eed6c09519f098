import { createRequire } from 'node:module';
import middy from '@middy/core';
import httpCors from '@middy/http-cors';
import httpResponseSerializer from '@middy/http-response-serializer';
import { describe, expect, it } from 'vitest';
import { spansWithin } from '../../src/analysis/package-versions.js';
import { LIBRARY_ARITY } from '../../src/contract/library-arity.js';
import { type Handler, invoke } from '../support/invoke.js';

// The facts about middy the wrapper analysis relies on (src/analysis/wrappers.ts), established by
// running the installed packages through the same runtime emulation as the other end-to-end tests.
const json = httpResponseSerializer({
  serializers: [{ regex: /^application\/json$/u, serializer: ({ body }: { body: unknown }) => JSON.stringify(body) }],
  defaultContentType: 'application/json',
});
const context = { getRemainingTimeInMillis: () => 30_000 };
const run = (handler: unknown) => invoke((event: unknown) => (handler as (event: unknown, context: unknown) => unknown)(event, context), 'classic');

describe('middy (@middy/core 6)', () => {
  it('awaits the base handler, so a non-async one that returns its response still answers', async () => {
    const base = () => ({ statusCode: 200, body: 'ok' });
    expect(await run(middy(base))).toEqual({ response: { statusCode: 200, body: 'ok' } });
  });

  it('without a serializer, passes the response on as it is: an object body stays an object', async () => {
    const base = () => Promise.resolve({ statusCode: 200, body: { id: 1 } });
    expect(await run(middy(base))).toEqual({ response: { statusCode: 200, body: { id: 1 } } });
  });

  it('http-cors wraps a bare value into { statusCode: 200, body }, and the body stays an object', async () => {
    const base = () => Promise.resolve({ id: 1 });
    const response = (await run(middy(base).use(httpCors()))).response as Record<string, unknown>;
    expect(response.statusCode).toBe(200);
    expect(response.body).toEqual({ id: 1 });
  });

  it('http-response-serializer wraps a bare value and serializes an object body', async () => {
    expect((await run(middy(() => Promise.resolve({ id: 1 })).use(json))).response).toMatchObject({ statusCode: 200, body: '{"id":1}' });
    expect((await run(middy(() => Promise.resolve({ statusCode: 201, body: { id: 1 } })).use(json))).response).toMatchObject({
      statusCode: 201,
      body: '{"id":1}',
    });
  });

  it('http-response-serializer leaves a response that sets its own Content-Type as it is', async () => {
    const base = () => Promise.resolve({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: { id: 1 } });
    expect((await run(middy(base).use(json))).response).toEqual({ statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: { id: 1 } });
  });

  it('its exported handler takes (event, context): two parameters, whatever the base declares', () => {
    const handler = middy((event: unknown, ctx: unknown, options: unknown) => [event, ctx, options]) as unknown as Handler;
    expect(handler.length).toBe(2);
  });
});

describe('the library arity table (src/contract/library-arity.ts) against a release installed here', () => {
  it('@codegenie/serverless-express: the handler it makes has the length the table gives for the installed version', () => {
    const require = createRequire(import.meta.url);
    const { version } = require('@codegenie/serverless-express/package.json') as { version: string };
    const serverlessExpress = require('@codegenie/serverless-express') as (options: { app: unknown }) => Handler;
    const made = serverlessExpress({
      app: (_request: unknown, response: { end(): void }) => {
        response.end();
      },
    });
    const spans = spansWithin(version, LIBRARY_ARITY.filter((entry) => entry.module === '@codegenie/serverless-express'));
    expect(spans.map((span) => span.arity)).toEqual([made.length]);
  });
});
