import { existsSync } from 'node:fs';
import path from 'node:path';
// The three functions, not semver's index, which loads every module of the package at start-up.
import intersects from 'semver/ranges/intersects.js';
import validVersion from 'semver/functions/valid.js';
import validRange from 'semver/ranges/valid.js';
import { RECHECK_MS, readWhileUnchanged } from './source-files.js';

/**
 * The version of a package a project runs: the nearest installed copy's (`node_modules/<name>/package.json`
 * in the folder or above it), else the range the nearest `package.json` that names it asks for. The
 * search stops at the repository root (a folder with `.git`). Undefined where neither is known.
 */
export interface PackageVersion {
  /** An exact version (installed, or pinned in package.json) or a range (`^4.17.1`). */
  readonly range: string;
  /** The file it was read from: a change there changes the answer. */
  readonly file: string;
}


export function packageVersion(name: string, from: string): PackageVersion | undefined {
  const found = lookUp(name, from);
  return found.installed ?? found.declared;
}

/** What a folder and those above it say: the nearest installed copy, and the nearest declared range. */
interface Found {
  readonly installed?: PackageVersion | undefined;
  readonly declared?: PackageVersion | undefined;
}

const answers = new Map<string, { readonly checkedAt: number; readonly found: Found }>();

function lookUp(name: string, folder: string): Found {
  const key = `${name}\0${folder}`;
  const now = Date.now();
  const cached = answers.get(key);
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.found;
  let found: Found;
  const installed = path.join(folder, 'node_modules', name, 'package.json');
  const version = manifestField(installed, (manifest) => (typeof manifest.version === 'string' ? manifest.version : undefined));
  if (version !== undefined && validVersion(version)) {
    found = { installed: { range: version, file: installed } };
  } else {
    const manifest = path.join(folder, 'package.json');
    const range = manifestField(manifest, (record) => dependencyRange(record, name));
    const declared = range !== undefined && validRange(range) ? { range, file: manifest } : undefined;
    const root = existsSync(path.join(folder, '.git')) || path.dirname(folder) === folder;
    const above = root ? {} : lookUp(name, path.dirname(folder));
    found = { installed: above.installed, declared: declared ?? above.declared };
  }
  answers.set(key, { checkedAt: now, found });
  return found;
}

function dependencyRange(manifest: Record<string, unknown>, name: string): string | undefined {
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
    const dependencies = manifest[field];
    if (typeof dependencies !== 'object' || dependencies === null) continue;
    const range = (dependencies as Record<string, unknown>)[name];
    if (typeof range === 'string') return range;
  }
  return undefined;
}

/** A field of a JSON manifest, read once per process and again when the file changes. */
function manifestField<T>(file: string, read: (manifest: Record<string, unknown>) => T | undefined): T | undefined {
  const manifest = readWhileUnchanged(manifests, file, (text) => JSON.parse(text) as unknown);
  return typeof manifest === 'object' && manifest !== null ? read(manifest as Record<string, unknown>) : undefined;
}

const manifests = new Map<string, { mtimeMs: number; value: unknown }>();

/** The values a range allows, of those the spans give: each span holds from `from` up to, not including, `to`. */
export function spansWithin<T extends { readonly from: string; readonly to: string | undefined }>(range: string, spans: readonly T[]): T[] {
  return spans.filter((span) => intersects(range, span.to ? `>=${span.from} <${span.to}` : `>=${span.from}`));
}
