import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { ESLint, type Linter } from 'eslint';
import { CONVERT_TO_ASYNC, REMOVE_STATEMENT } from '../fixes/shared-suggestions.js';
import type plugin from '../index.js';

/**
 * The migration to Node.js 24: with the user's own ESLint config (parser, files, ignores, settings),
 * our rules under a namespace of their own (so nothing collides with the user's registration of the
 * plugin) and `runtime: 'nodejs24.x'`, it applies the callback-to-async conversion and the context
 * method fixes, then `require-async-handler`'s fixes, and lists what still needs a person.
 */
const NAMESPACE = 'aws-lambda-migrate';
const CONVERTING_RULES = ['no-callback-handler', 'no-legacy-context-methods'];
const FIXING_RULES = [...CONVERTING_RULES, 'require-async-handler'];
/** The suggestions the migration applies: the conversion itself, and removing a setting that is gone. */
const APPLIED_SUGGESTIONS: ReadonlySet<string> = new Set([CONVERT_TO_ASYNC, REMOVE_STATEMENT]);
const MAX_ROUNDS = 50;

export type FileStatus = 'converted' | 'manual' | 'skipped' | 'error';

export interface ManualItem {
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly message: string;
}

export interface FileOutcome {
  readonly file: string;
  readonly status: FileStatus;
  /** What still needs a person, with the line and the reason. */
  readonly manual: readonly ManualItem[];
  /** The unified diff of the change (with --dry-run), or empty. */
  readonly diff: string;
  /** Why the file was left untouched (a parse error). */
  readonly error?: string;
}

export interface MigrateOptions {
  readonly paths: readonly string[];
  readonly cwd: string;
  readonly dryRun: boolean;
  /** Called after each file, for a progress line. */
  readonly onProgress?: (done: number, total: number, file: string) => void;
  /** Use this config instead of looking for the user's (tests, and projects without one). */
  readonly overrideConfigFile?: string | true;
  readonly baseConfig?: Linter.Config[];
}

type Plugin = typeof plugin;

export async function migrateNode24(awsLambda: Plugin, options: MigrateOptions): Promise<FileOutcome[]> {
  const rules = Object.fromEntries(FIXING_RULES.map((name) => [`${NAMESPACE}/${name}`, 'error' as const]));
  const overrideConfig: Linter.Config[] = [
    ...(options.baseConfig ?? []),
    {
      name: 'aws-lambda/migrate-node24',
      plugins: { [NAMESPACE]: awsLambda },
      rules,
      settings: { 'aws-lambda': { runtime: 'nodejs24.x' } },
    },
  ];
  const ours = (ruleId: string | null) => ruleId !== null && ruleId.startsWith(`${NAMESPACE}/`);
  const eslintFor = (onlyRules: readonly string[], fix: boolean) =>
    new ESLint({
      cwd: options.cwd,
      overrideConfig,
      overrideConfigFile: options.overrideConfigFile,
      fix,
      ruleFilter: ({ ruleId }) => onlyRules.some((name) => ruleId === `${NAMESPACE}/${name}`),
      warnIgnored: false,
    });
  const finder = eslintFor(FIXING_RULES, false);
  const fixer = eslintFor(FIXING_RULES, true);

  const results = await finder.lintFiles([...options.paths]);
  const outcomes: FileOutcome[] = [];
  let done = 0;
  for (const result of results) {
    const file = path.relative(options.cwd, result.filePath) || path.basename(result.filePath);
    const fatal = result.messages.find((message) => message.fatal === true);
    if (fatal) {
      outcomes.push({ file, status: 'error', manual: [], diff: '', error: `line ${fatal.line}: ${fatal.message}` });
    } else if (!result.messages.some((message) => ours(message.ruleId))) {
      outcomes.push({ file, status: 'skipped', manual: [], diff: '' });
    } else {
      outcomes.push(await migrateFile(result.filePath, file, fixer, finder, options));
    }
    options.onProgress?.(++done, results.length, file);
  }
  return outcomes;
}

async function migrateFile(
  filePath: string,
  file: string,
  fixer: ESLint,
  finder: ESLint,
  options: MigrateOptions,
): Promise<FileOutcome> {
  const original = await readFile(filePath, 'utf8');
  let source = original;
  let messages: Linter.LintMessage[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const [fixed] = await fixer.lintText(source, { filePath });
    source = fixed?.output ?? source;
    messages = fixed?.messages ?? [];
    const suggestion = messages
      .flatMap((message) => message.suggestions ?? [])
      .find((candidate) => candidate.messageId !== undefined && APPLIED_SUGGESTIONS.has(candidate.messageId));
    if (!suggestion) break;
    source = source.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + source.slice(suggestion.fix.range[1]);
  }
  // A last look with every rule of the migration, on what is now in the file.
  const [final] = await finder.lintText(source, { filePath });
  messages = final?.messages ?? messages;
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal) {
    return { file, status: 'error', manual: [], diff: '', error: `the conversion did not parse (line ${fatal.line}): left untouched` };
  }
  const manual = messages
    .filter((message) => message.ruleId && CONVERTING_RULES.some((name) => message.ruleId === `${NAMESPACE}/${name}`))
    .map((message) => ({
      line: message.line,
      column: message.column,
      rule: `aws-lambda/${message.ruleId!.slice(NAMESPACE.length + 1)}`,
      message: message.message,
    }));
  const changed = source !== original;
  const diff = changed && options.dryRun ? createTwoFilesPatch(`a/${file}`, `b/${file}`, original, source) : '';
  if (changed && !options.dryRun) await writeAtomically(filePath, source);
  return { file, status: manual.length > 0 ? 'manual' : changed ? 'converted' : 'skipped', manual, diff };
}

/** Writes beside the file and renames over it, so that a file is never left half-written. */
async function writeAtomically(filePath: string, text: string): Promise<void> {
  const temporary = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
