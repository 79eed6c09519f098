import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { packageVersion, spansWithin } from '../../src/analysis/package-versions.js';

const scratch = path.join(import.meta.dirname, '..', '.tmp');
mkdirSync(scratch, { recursive: true });
const root = mkdtempSync(path.join(scratch, 'versions-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, unknown>): string {
  const folder = mkdtempSync(path.join(root, 'project-'));
  for (const [name, content] of Object.entries({ '.git/HEAD': '', ...files })) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return folder;
}

describe('packageVersion', () => {
  it('takes the installed copy nearest the file, hoisted ones included, before a declared range', () => {
    const folder = project({
      'package.json': { dependencies: { hono: '^4.0.0' } },
      'node_modules/hono/package.json': { version: '4.12.5' },
      'packages/api/package.json': { dependencies: { hono: '^4.12.0' } },
    });
    expect(packageVersion('hono', path.join(folder, 'packages', 'api'))).toEqual({
      range: '4.12.5',
      file: path.join(folder, 'node_modules', 'hono', 'package.json'),
    });
  });

  it('takes the nearest declared range when nothing is installed, and stops at the repository root', () => {
    const folder = project({ 'package.json': { devDependencies: { hono: '~4.12.5' } }, 'src/app.ts': '' });
    expect(packageVersion('hono', path.join(folder, 'src'))).toEqual({ range: '~4.12.5', file: path.join(folder, 'package.json') });
    expect(packageVersion('express', path.join(folder, 'src'))).toBeUndefined();
  });

  it('passes over what is not a version: a workspace link, a broken manifest', () => {
    const folder = project({ 'package.json': { dependencies: { hono: 'workspace:*' } }, 'node_modules/hono/package.json': '{ not json' });
    expect(packageVersion('hono', folder)).toBeUndefined();
  });

  it('trusts an answer for two seconds, then sees an install', () => {
    const folder = project({ 'package.json': { dependencies: { hono: '^4.0.0' } }, 'services/a/handler.ts': '' });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      expect(packageVersion('hono', path.join(folder, 'services', 'a'))?.range).toBe('^4.0.0');
      mkdirSync(path.join(folder, 'node_modules', 'hono'), { recursive: true });
      writeFileSync(path.join(folder, 'node_modules', 'hono', 'package.json'), JSON.stringify({ version: '4.12.5' }));
      utimesSync(path.join(folder, 'node_modules', 'hono', 'package.json'), new Date(), new Date(Date.now() + 5_000));
      // A sibling folder asks the same folders above: the answer in memory, without the install.
      expect(packageVersion('hono', path.join(folder, 'services'))?.range).toBe('^4.0.0');
      vi.setSystemTime(Date.now() + 2_500);
      expect(packageVersion('hono', path.join(folder, 'services', 'a'))?.range).toBe('4.12.5');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('spansWithin', () => {
  const spans = [
    { from: '4.0.0', to: '4.12.6', arity: 3 },
    { from: '4.12.6', to: undefined, arity: 1 },
  ];
  it('gives the spans a version or a range allows', () => {
    expect(spansWithin('4.12.5', spans).map((span) => span.arity)).toEqual([3]);
    expect(spansWithin('~4.12.6', spans).map((span) => span.arity)).toEqual([1]);
    expect(spansWithin('^4.12.0', spans).map((span) => span.arity)).toEqual([3, 1]);
    expect(spansWithin('3.12.0', spans)).toEqual([]);
  });
});
