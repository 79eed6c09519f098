import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'dist', 'cli', 'index.js');
let work = '';

const CONVERTIBLE = `exports.handler = (event, context, callback) => {\n  callback(null, { statusCode: 200, body: 'ok' });\n};\n`;
const MANUAL = `exports.handler = (event, context, callback) => {\n  db.get(event, (error, data) => callback(error, data));\n};\n`;

beforeEach(async () => {
  await mkdir(path.join(root, 'tests', '.tmp'), { recursive: true });
  work = await mkdtemp(path.join(root, 'tests', '.tmp', 'cli-'));
  await writeFile(path.join(work, 'eslint.config.mjs'), `export default [{ ignores: ['eslint.config.mjs'] }, { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } }];\n`);
  await writeFile(path.join(work, 'ok.cjs'), CONVERTIBLE);
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: work, encoding: 'utf8' });

describe('npx eslint-plugin-aws-lambda migrate-node24', () => {
  it('converts, writes, and exits 0 when nothing needs a person', async () => {
    const result = run('migrate-node24');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('converted    ok.cjs\n1 converted, 0 need manual work, 0 could not be parsed, 0 unchanged.\n');
    // Not a TTY: no progress line.
    expect(result.stderr).toBe('');
    expect(await readFile(path.join(work, 'ok.cjs'), 'utf8')).toBe(
      `exports.handler = async (event, context) => {\n  return { statusCode: 200, body: 'ok' };\n};\n`,
    );
  });

  it('exits 1 when something needs manual work, and --dry-run writes nothing', async () => {
    await writeFile(path.join(work, 'manual.cjs'), MANUAL);
    const result = run('migrate-node24', '--dry-run', '.');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('+exports.handler = async (event, context) => {');
    expect(result.stdout).toContain('needs manual manual.cjs\n  1:36  Node.js 24 and later refuse this handler at start-up');
    expect(result.stdout).toMatch(/\(dry run\) 1 converted, 1 need manual work, 0 could not be parsed, 0 unchanged\.\n$/u);
    expect(await readFile(path.join(work, 'ok.cjs'), 'utf8')).toBe(CONVERTIBLE);
  });

  it('prints JSON with --json', () => {
    const result = run('migrate-node24', '--json', '--dry-run');
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as { files: { file: string; status: string; manual: unknown[] }[] };
    expect(parsed.files.map(({ file, status, manual }) => ({ file, status, manual }))).toEqual([
      { file: 'ok.cjs', status: 'converted', manual: [] },
    ]);
  });

  it.each([
    [['migrate-node22'], 'eslint-plugin-aws-lambda: unknown command "migrate-node22"'],
    [[], 'eslint-plugin-aws-lambda: missing command'],
    [['migrate-node24', '--write'], "eslint-plugin-aws-lambda: Unknown option '--write'"],
  ])('exits 2 on bad usage: %j', (args, message) => {
    const result = run(...args);
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]?.slice(0, message.length)).toBe(message);
    expect(result.stderr).toContain('Usage: eslint-plugin-aws-lambda migrate-node24');
  });

  it('names the file and line of a syntax error in the ESLint config', async () => {
    await writeFile(path.join(work, 'eslint.config.mjs'), `export default [\n  { files: ['**/*.cjs'] ]\n];\n`);
    const result = run('migrate-node24');
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("eslint-plugin-aws-lambda: eslint.config.mjs:2: Unexpected token ']'\n");
  });

  it('prints its version', () => {
    const result = run('--version');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`eslint-plugin-aws-lambda ${(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('leaves a non-async handler that returns its response as it is, as its help says: Node.js 24 awaits the value', async () => {
    await writeFile(path.join(work, 'ok.cjs'), `exports.handler = (event) => ({ statusCode: 200, body: 'ok' });\n`);
    const result = run('migrate-node24');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('0 converted, 0 need manual work, 0 could not be parsed, 1 unchanged.\n');
    expect(run('--help').stdout).toContain('A handler that returns its response without async needs no change: Node.js 24 awaits the\nreturned value.');
  });

  it('exits 2 with the config error, not a stack trace, when the ESLint config is broken', async () => {
    await writeFile(path.join(work, 'eslint.config.mjs'), 'export default [{ rules: { "no-such-plugin/rule": "error" } }];\n');
    const result = run('migrate-node24');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^eslint-plugin-aws-lambda: .*no-such-plugin/u);
    expect(result.stderr).not.toMatch(/\n\s+at /u);
  });
});
