import { mkdir, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the end-to-end tests find ESLint, TypeScript and the plugin: the repository itself, or, in
 * the version matrix (scripts/version-matrix.js), a project that installed other versions and the
 * packed plugin. Projects the tests make go below it, so that their imports resolve there.
 */
export const repositoryRoot = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const e2eRoot = process.env.AWS_LAMBDA_E2E_ROOT ?? repositoryRoot;

export function resolveInRoot(specifier: string): string {
  return createRequire(path.join(e2eRoot, 'package.json')).resolve(specifier);
}

export const eslintBin = path.join(path.dirname(resolveInRoot('eslint/package.json')), 'bin', 'eslint.js');

/** A new directory for one test's projects, below the root. */
export async function scratchDirectory(prefix: string): Promise<string> {
  const parent = path.join(e2eRoot, 'tests', '.tmp');
  await mkdir(parent, { recursive: true });
  return mkdtemp(path.join(parent, prefix));
}
