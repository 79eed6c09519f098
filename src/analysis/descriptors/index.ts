import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { modifiedAt, RECHECK_MS, withoutExtension } from '../source-files.js';
import { cdkFunctions } from './cdk.js';
import { type DescribedFunction, DescriptorError, type DescriptorReading, type FunctionsByModule } from './functions.js';
import { samFunctions } from './sam.js';
import { serverlessFunctions } from './serverless.js';

export type { DescribedFunction } from './functions.js';

/**
 * The deployment descriptors: what a SAM or CloudFormation template (`template.yaml`, `template.yml`,
 * `template.json`), a Serverless Framework `serverless.yml` or an AWS CDK app (`cdk.json` and the source
 * it runs) says about the functions of a file: which exports are handlers, their runtime and what
 * triggers them. Found in the folders above the linted file up to the repository root (the folder
 * holding `.git`, or a workspace root), and in the file's own folder where none of those names it;
 * each descriptor is parsed once per process, and again when it changes. A descriptor that does not
 * parse gives nothing, and one warning names it.
 */
/** One kind of descriptor: the file names it has, and how its functions are read. */
interface DescriptorKind {
  readonly names: readonly string[];
  read(file: string): DescriptorReading;
}

const KINDS: readonly DescriptorKind[] = [
  { names: ['template.yaml', 'template.yml', 'template.json'], read: samFunctions },
  { names: ['serverless.yml', 'serverless.yaml'], read: serverlessFunctions },
  { names: ['cdk.json'], read: cdkFunctions },
];
const KIND_BY_NAME = new Map(KINDS.flatMap((kind) => kind.names.map((name) => [name, kind] as const)));
/** Every file name a descriptor has. */
export const DESCRIPTOR_NAMES: ReadonlySet<string> = new Set(KIND_BY_NAME.keys());

interface ParsedDescriptor {
  /** The files read and their modification times when they were read: a change in any means read again. */
  readonly stamps: readonly (readonly [string, number])[];
  checkedAt: number;
  readonly functions: FunctionsByModule;
  readonly otherCloud: string | undefined;
}

interface FolderListing {
  checkedAt: number;
  /** The folder's own modification time when it was listed: it changes when an entry is added or removed. */
  readonly mtimeMs: number;
  /** Its package.json's modification time, if it has one: `workspaces` added there makes it a root. */
  readonly manifestMtimeMs: number | undefined;
  readonly descriptors: readonly string[];
  /** The folder ends the search: a repository root or a workspace root. */
  readonly root: boolean;
}

/** How many times each descriptor was read (the benchmark checks that it is once per run), and each folder listed. */
export const descriptorStats = { reads: new Map<string, number>(), listings: new Map<string, number>() };

const parsed = new Map<string, ParsedDescriptor>();
const above = new Map<string, { checkedAt: number; descriptors: readonly string[] }>();
const folders = new Map<string, FolderListing>();
const warned = new Set<string>();

/**
 * What the descriptors above a file say about its handlers. The folders above the file's own come
 * first: where a descriptor there names the file (a SAM `CodeUri`, a `handler:` path), the file's own
 * folder is not listed. A repository with a folder per function then lists each function's folder
 * not at all, and the folders above once for all of them; a descriptor beside the file is read when
 * no descriptor above names it.
 */
export function describedFunctions(filename: string): DescribedFunction[] {
  if (!path.isAbsolute(filename)) return [];
  const folder = path.dirname(filename);
  const parent = path.dirname(folder);
  const fromAbove = parent === folder ? [] : descriptorsAbove(parent);
  // The module's name is worked out only where a descriptor may name it (most projects have none).
  let key: string | undefined;
  if (fromAbove.length > 0) {
    key = withoutExtension(filename);
    const named = namedBy(fromAbove, key);
    if (named.length > 0) return named;
  }
  const fromFolder = descriptorsAbove(folder);
  return fromFolder.length === 0 ? [] : namedBy(fromFolder, key ?? withoutExtension(filename));
}

/**
 * The descriptor of a service on another cloud that the file belongs to (the nearest Serverless
 * Framework service above it deploys to Azure, OpenWhisk, ...), or undefined. Asked only about a
 * module that no descriptor names and that looks like a handler.
 */
export function otherCloudService(filename: string): string | undefined {
  if (!path.isAbsolute(filename)) return undefined;
  const service = descriptorsAbove(path.dirname(filename)).find((descriptor) => KIND_BY_NAME.get(path.basename(descriptor))?.read === serverlessFunctions);
  return service !== undefined && load(service)?.otherCloud !== undefined ? service : undefined;
}

function namedBy(descriptors: readonly string[], key: string): DescribedFunction[] {
  const found: DescribedFunction[] = [];
  for (const descriptor of descriptors) {
    const functions = load(descriptor)?.functions.get(key);
    if (functions) found.push(...functions);
  }
  return found;
}

/** The descriptors in a folder and every folder above it, up to the repository root. */
function descriptorsAbove(start: string): readonly string[] {
  const now = Date.now();
  const cached = above.get(start);
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.descriptors;
  const found: string[] = [];
  for (let folder = start; ; folder = path.dirname(folder)) {
    // A folder that does not exist (yet: an editor's unsaved file, `--stdin-filename`) has nothing.
    const listing = listFolder(folder);
    found.push(...(listing?.descriptors ?? []));
    if (listing?.root || path.dirname(folder) === folder) break;
  }
  above.set(start, { checkedAt: now, descriptors: found });
  return found;
}

/**
 * The descriptors in a folder, and whether it is a root. One listing of the folder, trusted for
 * RECHECK_MS and then for as long as the folder's modification time stays the same (adding, removing
 * or renaming an entry changes it; editing a descriptor does not need a new listing, its own time says
 * so). A repository with a folder per function lists each folder once, and the folders above it once
 * for all of them: a folder of 5,000 functions costs milliseconds to list, and a `stat` to recheck.
 */
function listFolder(folder: string): FolderListing | undefined {
  const now = Date.now();
  const cached = folders.get(folder);
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached;
  const mtimeMs = modifiedAt(folder);
  if (mtimeMs === undefined) {
    folders.delete(folder);
    return undefined;
  }
  if (cached?.mtimeMs === mtimeMs && cached.manifestMtimeMs === manifestModifiedAt(folder, cached.manifestMtimeMs)) {
    cached.checkedAt = now;
    return cached;
  }
  let names: string[];
  descriptorStats.listings.set(folder, (descriptorStats.listings.get(folder) ?? 0) + 1);
  try {
    names = readdirSync(folder);
  } catch {
    folders.delete(folder);
    return undefined;
  }
  const descriptors = names.filter((name) => KIND_BY_NAME.has(name)).map((name) => path.join(folder, name));
  const root = names.includes('.git') || names.includes('pnpm-workspace.yaml') || (names.includes('package.json') && declaresWorkspaces(folder));
  const manifestMtimeMs = names.includes('package.json') ? modifiedAt(path.join(folder, 'package.json')) : undefined;
  const listing: FolderListing = { checkedAt: now, mtimeMs, manifestMtimeMs, descriptors, root };
  folders.set(folder, listing);
  return listing;
}

/** The modification time of a folder's package.json, looked at only where the listing had one. */
function manifestModifiedAt(folder: string, listed: number | undefined): number | undefined {
  return listed === undefined ? undefined : modifiedAt(path.join(folder, 'package.json'));
}

/** A package.json with `workspaces`: the root of an npm or Yarn workspace. */
function declaresWorkspaces(folder: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as unknown;
    return typeof manifest === 'object' && manifest !== null && 'workspaces' in manifest;
  } catch {
    return false;
  }
}

function load(descriptor: string): ParsedDescriptor | undefined {
  const now = Date.now();
  const recent = parsed.get(descriptor);
  if (recent && now - recent.checkedAt < RECHECK_MS) return recent;
  const mtimeMs = modifiedAt(descriptor);
  if (mtimeMs === undefined) return undefined;
  if (recent?.stamps.every(([file, stamp]) => (modifiedAt(file) ?? -1) === stamp)) {
    recent.checkedAt = now;
    return recent;
  }
  let reading: DescriptorReading;
  descriptorStats.reads.set(descriptor, (descriptorStats.reads.get(descriptor) ?? 0) + 1);
  try {
    reading = KIND_BY_NAME.get(path.basename(descriptor))!.read(descriptor);
  } catch (error) {
    reading = { functions: new Map(), files: error instanceof DescriptorError ? error.files : [descriptor] };
    const note = `${descriptor}@${reading.files.map((file) => modifiedAt(file) ?? -1).join(',')}`;
    if (!warned.has(note)) {
      warned.add(note);
      process.emitWarning(
        `eslint-plugin-aws-lambda: ${descriptor} could not be read, so nothing is taken from it (${(error as Error).message.split('\n')[0] ?? ''})`,
        { code: 'AWS_LAMBDA_DESCRIPTOR' },
      );
    }
  }
  const stamps = [descriptor, ...reading.files.filter((file) => file !== descriptor)].map(
    (file) => [file, file === descriptor ? mtimeMs : (modifiedAt(file) ?? -1)] as const,
  );
  const entry = { stamps, functions: reading.functions, checkedAt: now, otherCloud: reading.otherCloud };
  parsed.set(descriptor, entry);
  return entry;
}
