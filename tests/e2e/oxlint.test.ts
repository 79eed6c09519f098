import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';

// The rules under oxlint's JavaScript plugins (`jsPlugins`), as an untyped user runs them: the
// examples linted by oxlint and by ESLint without type information give the same reports, rule by
// rule. The project is outside this repository (oxlint skips what .gitignore names, tests/.tmp among
// it), with the package linked into its node_modules as an install would put it, and a .git folder
// that ends the descriptor search there.
const root = path.join(import.meta.dirname, '..', '..');
const project = mkdtempSync(path.join(tmpdir(), 'aws-lambda-oxlint-'));
mkdirSync(path.join(project, '.git'));
mkdirSync(path.join(project, 'node_modules'));
symlinkSync(root, path.join(project, 'node_modules', 'eslint-plugin-aws-lambda'), 'dir');
afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});
cpSync(path.join(root, 'examples'), project, { recursive: true });
const RULES = Object.fromEntries(Object.keys(plugin.configs.recommended.rules ?? {}).map((name) => [name, 'error']));
writeFileSync(path.join(project, '.oxlintrc.json'), JSON.stringify({ jsPlugins: ['eslint-plugin-aws-lambda'], categories: { correctness: 'off' }, rules: RULES }));

/** The example folders (not the linked package in node_modules, which oxlint would walk into). */
const FOLDERS = ['rest', 'http-v2', 'alb', 'sam-app'];
const oxlintBin = path.join(path.dirname(createRequire(import.meta.url).resolve('oxlint/package.json')), 'bin', 'oxlint');

interface OxlintDiagnostic {
  code: string;
  filename: string;
  labels: { span: { line: number; column: number } }[];
}

describe('oxlint with jsPlugins', () => {
  it('reports what ESLint without type information reports on the examples, rule by rule', async () => {
    const run = spawnSync(process.execPath, [oxlintBin, '-c', '.oxlintrc.json', '-f', 'json', ...FOLDERS], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    const oxlint = (JSON.parse(run.stdout) as { diagnostics: OxlintDiagnostic[] }).diagnostics
      .map((diagnostic) => `${diagnostic.filename}:${diagnostic.labels[0]?.span.line}:${diagnostic.labels[0]?.span.column} ${diagnostic.code.replace(/^aws-lambda\((.*)\)$/u, 'aws-lambda/$1')}`)
      .sort();

    const eslint = new ESLint({
      cwd: project,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.{js,mjs,cjs,ts}'], ...plugin.configs.recommended },
        { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
        { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      ],
    });
    const results = await eslint.lintFiles(FOLDERS);
    const reports = results
      .flatMap((result) => result.messages.map((message) => `${path.relative(project, result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? 'parser'}`))
      .sort();

    expect(oxlint).toEqual(reports);
    expect(oxlint.length).toBeGreaterThan(10);
  });
});
