import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DESCRIPTOR_NAMES } from './index.js';

/**
 * A digest of the deployment descriptors of the project ESLint runs in, for the plugin's configs to
 * carry: ESLint's `--cache` keys each file's result on its config, so a descriptor edit (a runtime
 * moved to nodejs24.x) changes the config and the files are linted again. Nothing is parsed: the
 * digest covers each descriptor file's path, size and modification time, the YAML and JSON files
 * beside a `serverless.yml` (its `${file()}` includes), and for a CDK app its `bin/` and `lib/` sources
 * and the installed aws-cdk-lib's manifest. Descriptors are looked for from the folder down (skipping
 * dependencies and build output, within bounds) and in the folders above it up to the repository root.
 */
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', 'cdk.out', '.serverless', '.aws-sam', '.next']);
const MAX_DEPTH = 8;
const MAX_ENTRIES = 50_000;

export function descriptorsDigest(root: string): string {
  const files: string[] = [];
  let entries = 0;
  const walk = (folder: string, depth: number): void => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    entries += names.length;
    for (const name of names) {
      if (DESCRIPTOR_NAMES.has(name)) files.push(...describedBy(folder, name));
    }
    if (depth >= MAX_DEPTH || entries > MAX_ENTRIES) return;
    for (const name of names) {
      if (SKIPPED.has(name) || name.startsWith('.')) continue;
      const child = path.join(folder, name);
      if (isFolder(child)) walk(child, depth + 1);
    }
  };
  walk(root, 0);
  for (let folder = path.dirname(root); folder !== path.dirname(folder); folder = path.dirname(folder)) {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      break;
    }
    for (const name of names) if (DESCRIPTOR_NAMES.has(name)) files.push(...describedBy(folder, name));
    if (names.includes('.git')) break;
  }
  const hash = createHash('sha256');
  for (const file of [...new Set(files)].sort()) {
    try {
      const stats = statSync(file);
      hash.update(`${file}\0${stats.size}\0${stats.mtimeMs}\n`);
    } catch {
      hash.update(`${file}\0missing\n`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** A descriptor and the files its reading depends on. */
function describedBy(folder: string, name: string): string[] {
  const descriptor = path.join(folder, name);
  if (name.startsWith('serverless.')) return [descriptor, ...filesIn(folder, /\.(?:ya?ml|json)$/u, 1)];
  if (name === 'cdk.json') {
    return [
      descriptor,
      ...filesIn(path.join(folder, 'bin'), /\.[cm]?[jt]s$/u, 4),
      ...filesIn(path.join(folder, 'lib'), /\.[cm]?[jt]s$/u, 4),
      path.join(folder, 'node_modules', 'aws-cdk-lib', 'package.json'),
      path.join(folder, 'package.json'),
    ];
  }
  return [descriptor];
}

function filesIn(folder: string, pattern: RegExp, depth: number): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const file = path.join(folder, name);
    if (pattern.test(name)) return [file];
    return depth > 1 && !SKIPPED.has(name) && isFolder(file) ? filesIn(file, pattern, depth - 1) : [];
  });
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
