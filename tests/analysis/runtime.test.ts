import { describe, expect, it } from 'vitest';
import { decideRuntime, deprecationNote } from '../../src/analysis/runtime.js';
import { readSettings } from '../../src/analysis/settings.js';
import { deprecatedSince } from '../../src/contract/runtimes.js';

const noSettings = readSettings(undefined);

describe('the runtime schedule', () => {
  it.each([
    ['nodejs24.x', undefined],
    ['nodejs22.x', undefined],
    ['nodejs20.x', '2026-04-30'],
    ['nodejs18.x', '2025-09-01'],
    ['nodejs16.x', '2024-06-12'],
    ['nodejs14.x', 'long ago'],
    ['nodejs8.10', 'long ago'],
    ['nodejs', 'long ago'],
  ])('%s is deprecated since %s', (runtime, since) => {
    expect(deprecatedSince(runtime)).toBe(since);
  });
});

describe('the runtime lines of a handler', () => {
  it('a supported runtime from the descriptor is its own line', () => {
    expect(decideRuntime(noSettings, 'nodejs22.x')).toEqual({ classic: true, modern: false, runtime: 'nodejs22.x' });
    expect(decideRuntime(noSettings, 'nodejs24.x')).toEqual({ classic: false, modern: true, runtime: 'nodejs24.x' });
  });

  it('a deprecated runtime from the descriptor means both lines, and the message says why', () => {
    const lines = decideRuntime(noSettings, 'nodejs18.x');
    expect(lines).toEqual({ classic: true, modern: true, runtime: 'nodejs18.x', deprecatedSince: '2025-09-01' });
    expect(deprecationNote(lines)).toBe('nodejs18.x is deprecated since 2025-09-01, so this function must move to nodejs22.x or nodejs24.x, and on the move: ');
    expect(deprecationNote(decideRuntime(noSettings, 'nodejs8.10'))).toBe('nodejs8.10 is deprecated, so this function must move to nodejs22.x or nodejs24.x, and on the move: ');
  });

  it('the runtime setting is the user\'s word, deprecated or not', () => {
    expect(decideRuntime(readSettings({ 'aws-lambda': { runtime: 'nodejs20.x' } }), 'nodejs24.x')).toEqual({
      classic: true,
      modern: false,
      runtime: 'nodejs20.x',
    });
  });
});
