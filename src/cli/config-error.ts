import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const CONFIG_FILES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

/**
 * The message for an error ESLint threw while loading the project: as it is, except that a syntax
 * error in the user's ESLint config, which Node.js reports without a place (`Unexpected token ']'`),
 * is given its file and line, read from `node --check` of the config ESLint would load.
 */
export function configErrorMessage(error: Error, cwd: string): string {
  const message = error.message.split('\n')[0] ?? '';
  if (error.name !== 'SyntaxError') return message;
  const config = configFile(cwd);
  if (!config || /\.[cm]?ts$/u.test(config)) return message;
  const check = spawnSync(process.execPath, ['--check', config], { encoding: 'utf8' });
  // `node --check` prints `<file>:<line>`, the line, a caret, then the error.
  const line = new RegExp(`^${escape(config)}:(\\d+)$`, 'mu').exec(check.stderr)?.[1];
  const where = path.relative(cwd, config) || path.basename(config);
  return line ? `${where}:${line}: ${message}` : `${where}: ${message}`;
}

/** The config file ESLint loads for the folder: the first in the folder or above it. */
function configFile(cwd: string): string | undefined {
  for (let folder = cwd; ; folder = path.dirname(folder)) {
    for (const name of CONFIG_FILES) {
      if (existsSync(path.join(folder, name))) return path.join(folder, name);
    }
    if (path.dirname(folder) === folder) return undefined;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
