import { Buffer } from 'node:buffer';

export type Handler = (...args: unknown[]) => unknown;

const describeError = (error: unknown): string => (error instanceof Error ? error.message : JSON.stringify(error));

/** Loads the `handler` export from source text: an ES module, or a CommonJS one. */
export async function loadHandler(code: string, module: boolean, name = 'handler'): Promise<Handler> {
  if (module) {
    const loaded = (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Record<string, Handler>;
    return loaded[name]!;
  }
  const exports: Record<string, unknown> = {};
  const moduleObject = { exports };
  // The generated code is the test's own input, run as CommonJS would run it.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  new Function('module', 'exports', code)(moduleObject, exports);
  return (moduleObject.exports as Record<string, Handler>)[name]!;
}

/**
 * Runs a handler as the Lambda runtime does and returns its answer. Node.js 22 and earlier (classic):
 * the callback or a returned promise, first wins, and a plain returned value is ignored (`null`).
 * Node.js 24 (modern): three-parameter handlers fail at start-up, the awaited result is the answer.
 */
export async function invoke(
  handler: Handler,
  line: 'classic' | 'modern',
  event: unknown = { httpMethod: 'GET', path: '/', headers: {} },
): Promise<{ error?: string; response?: unknown }> {
  if (line === 'modern' && handler.length >= 3) return { error: 'Runtime.CallbackHandlerDeprecated' };
  if (line === 'modern') {
    try {
      return { response: await handler(event, {}) };
    } catch (error) {
      return { error: describeError(error) };
    }
  }
  return new Promise((resolve) => {
    let done = false;
    const settle = (outcome: { error?: string; response?: unknown }) => {
      if (!done) {
        done = true;
        resolve(outcome);
      }
    };
    const result = handler(event, {}, (error: unknown, response: unknown) => {
      settle(error ? { error: describeError(error) } : { response: response ?? null });
    }) as { then?: unknown } | undefined;
    if (result && typeof result.then === 'function') {
      (result as Promise<unknown>).then(
        (response) => {
          settle({ response: response ?? null });
        },
        (error: unknown) => {
          settle({ error: describeError(error) });
        },
      );
    } else {
      setImmediate(() => {
        settle({ response: null });
      });
    }
  });
}

