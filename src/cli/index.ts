#!/usr/bin/env node
import process from 'node:process';
import { parseArgs } from 'node:util';
import awsLambda from '../index.js';
import { configErrorMessage } from './config-error.js';
import { type FileOutcome, migrateNode24 } from './migrate-node24.js';

const USAGE = `Usage: eslint-plugin-aws-lambda migrate-node24 [options] [paths...]

Moves the Lambda handlers under the paths (default: .) to Node.js 24: converts callback handlers to
async ones, replaces context.succeed/fail/done, makes streaming handlers async, and lists what needs
a person. A handler that returns its response without async needs no change: Node.js 24 awaits the
returned value. It uses your ESLint config (eslint.config.*) to parse and find the files.

Options:
  --dry-run      print a unified diff and write nothing
  --json         print the outcome as JSON
  -h, --help     print this help
  -v, --version  print the version

Exit code: 0 when nothing needs manual work, 1 when something does, 2 on bad usage or a config error.`;

function fail(message: string): never {
  process.stderr.write(`eslint-plugin-aws-lambda: ${message}\n\n${USAGE}\n`);
  process.exit(2);
}

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${awsLambda.meta.name} ${awsLambda.meta.version}\n`);
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'migrate-node24') fail(command ? `unknown command "${command}"` : 'missing command');

  const progress = process.stderr.isTTY && !values.json;
  let outcomes: FileOutcome[];
  try {
    outcomes = await migrateNode24(awsLambda, {
      paths: paths.length > 0 ? paths : ['.'],
      cwd: process.cwd(),
      dryRun: values['dry-run'],
      onProgress: progress
        ? (done, total) => process.stderr.write(`\r${done}/${total} files`)
        : undefined,
    });
  } catch (error) {
    if (progress) process.stderr.write('\n');
    process.stderr.write(`eslint-plugin-aws-lambda: ${configErrorMessage(error as Error, process.cwd())}\n`);
    return 2;
  }
  if (progress) process.stderr.write('\r\x1b[K');
  process.stdout.write(values.json ? `${JSON.stringify({ files: outcomes }, null, 2)}\n` : report(outcomes, values['dry-run']));
  return outcomes.some((outcome) => outcome.status === 'manual') ? 1 : 0;
}

/** The plain-text report: one line a file that needed anything, the manual items under it, a summary. */
export function report(outcomes: readonly FileOutcome[], dryRun: boolean): string {
  const lines: string[] = [];
  for (const outcome of outcomes) {
    if (outcome.diff) lines.push(outcome.diff.trimEnd());
  }
  for (const outcome of outcomes) {
    if (outcome.status === 'skipped') continue;
    if (outcome.status === 'error') {
      lines.push(`skipped      ${outcome.file}: ${outcome.error ?? 'error'}`);
      continue;
    }
    lines.push(`${outcome.status === 'converted' ? 'converted   ' : 'needs manual'} ${outcome.file}`);
    for (const item of outcome.manual) lines.push(`  ${item.line}:${item.column}  ${item.message}  ${item.rule}`);
  }
  const count = (status: FileOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  lines.push(
    `${dryRun ? '(dry run) ' : ''}${count('converted')} converted, ${count('manual')} need manual work, ${count('error')} could not be parsed, ${count('skipped')} unchanged.`,
  );
  return `${lines.join('\n')}\n`;
}

process.exitCode = await main(process.argv.slice(2));
