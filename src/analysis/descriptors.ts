import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { parseDocument, type Tags } from 'yaml';
import type { Integration } from '../contract/proxy-contract.js';

/**
 * The deployment descriptor: what a SAM or CloudFormation template (`template.yaml`, `template.yml`,
 * `template.json`) or a Serverless Framework `serverless.yml` says about the functions of a file: which
 * exports are handlers, their runtime and their integration. Found in the linted file's directory or
 * above it, up to the nearest directory with a package.json; each descriptor is parsed once per
 * process (again when its modification time changes). A descriptor that does not parse gives nothing,
 * and one warning names it.
 */
export interface DescribedFunction {
  /** The export the handler string names (`lambdaHandler` in `app.lambdaHandler`). */
  readonly exportName: string;
  /** A Node.js runtime identifier (`nodejs22.x`), when the descriptor gives one. */
  readonly runtime: string | undefined;
  /** The integration its HTTP events say, `other` for events of other triggers only, or undefined. */
  readonly integration: Integration | 'other' | undefined;
  /** An ALB target with `multiValueHeaders: true`: responses must use `multiValueHeaders`. */
  readonly albMultiValueHeaders: boolean;
  /** The descriptor the facts come from. */
  readonly descriptor: string;
}

const DESCRIPTOR_NAMES = ['template.yaml', 'template.yml', 'template.json', 'serverless.yml', 'serverless.yaml'];
const SOURCE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.jsx', '.tsx'];
const NODE_RUNTIME = /^nodejs\d+\.x$/u;

/**
 * CloudFormation's short tags (`!Ref Api`, `!GetAtt Fn.Arn`, `!Sub ...`, `!If [...]`): scalars are read
 * as their long forms (`{ Ref: 'Api' }`), sequences and maps as they are. Nothing read from a
 * descriptor needs an intrinsic's result; the tags only have to parse.
 */
const INTRINSICS = [
  'Ref',
  'Condition',
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'ToJsonString',
  'Length',
];
const CLOUDFORMATION_TAGS: Tags = INTRINSICS.flatMap((name): Tags => {
  const longForm = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
  const asIs = (value: unknown) => value;
  return [
    { tag: `!${name}`, resolve: (value: string) => ({ [longForm]: value }) },
    { tag: `!${name}`, collection: 'seq', resolve: asIs },
    { tag: `!${name}`, collection: 'map', resolve: asIs },
  ];
});

interface ParsedDescriptor {
  readonly mtimeMs: number;
  /** Functions by source file (absolute path without extension). */
  readonly functions: ReadonlyMap<string, DescribedFunction[]>;
}

/**
 * How long a directory listing or a parsed descriptor is trusted before it is checked again: long
 * enough that a lint run does not ask the file system for every file, short enough that an editor
 * sees a new or changed descriptor at once.
 */
const RECHECK_MS = 2000;
const parsed = new Map<string, ParsedDescriptor & { checkedAt: number }>();
const above = new Map<string, { checkedAt: number; descriptors: string[] }>();
const directories = new Map<string, { mtimeMs: number; descriptors: string[]; root: boolean }>();
const warned = new Set<string>();

/** The folder of the file asked about last, and its descriptors: a lint run goes folder by folder. */
let lastFolder = { path: '', checkedAt: 0, descriptors: [] as string[] };

/** What the descriptors above a file say about its handlers. */
export function describedFunctions(filename: string): DescribedFunction[] {
  const folderEnd = filename.lastIndexOf(path.sep);
  const now = Date.now();
  let descriptors: string[];
  if (
    folderEnd === lastFolder.path.length &&
    now - lastFolder.checkedAt < RECHECK_MS &&
    filename.startsWith(lastFolder.path)
  ) {
    descriptors = lastFolder.descriptors;
  } else {
    if (!path.isAbsolute(filename)) return [];
    const folder = path.dirname(filename);
    descriptors = descriptorsAbove(folder);
    if (folderEnd === folder.length) lastFolder = { path: folder, checkedAt: now, descriptors };
  }
  if (descriptors.length === 0) return [];
  const key = withoutExtension(filename);
  const found: DescribedFunction[] = [];
  for (const descriptor of descriptors) {
    found.push(...(load(descriptor)?.functions.get(key) ?? []));
  }
  return found;
}

function descriptorsAbove(start: string): string[] {
  const now = Date.now();
  const cached = above.get(start);
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.descriptors;
  const found: string[] = [];
  for (let directory = start; ; directory = path.dirname(directory)) {
    const listing = listDirectory(directory);
    if (!listing) break;
    found.push(...listing.descriptors);
    if (listing.root || path.dirname(directory) === directory) break;
  }
  above.set(start, { checkedAt: now, descriptors: found });
  return found;
}

/** The descriptors in a directory and whether it holds a package.json, kept while the directory is unchanged. */
function listDirectory(directory: string): { descriptors: string[]; root: boolean } | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(directory).mtimeMs;
  } catch {
    return undefined;
  }
  const cached = directories.get(directory);
  if (cached?.mtimeMs === mtimeMs) return cached;
  const exists = (name: string) => {
    try {
      return statSync(path.join(directory, name)).isFile();
    } catch {
      return false;
    }
  };
  const listing = {
    mtimeMs,
    descriptors: DESCRIPTOR_NAMES.filter(exists).map((name) => path.join(directory, name)),
    root: exists('package.json'),
  };
  directories.set(directory, listing);
  return listing;
}

function load(descriptor: string): ParsedDescriptor | undefined {
  const now = Date.now();
  const recent = parsed.get(descriptor);
  if (recent && now - recent.checkedAt < RECHECK_MS) return recent;
  let mtimeMs: number;
  try {
    mtimeMs = statSync(descriptor).mtimeMs;
  } catch {
    return undefined;
  }
  if (recent?.mtimeMs === mtimeMs) {
    recent.checkedAt = now;
    return recent;
  }
  let functions: Map<string, DescribedFunction[]>;
  try {
    const document = readDocument(descriptor);
    functions = path.basename(descriptor).startsWith('serverless')
      ? serverlessFunctions(document, descriptor)
      : templateFunctions(document, descriptor);
  } catch (error) {
    functions = new Map();
    const note = `${descriptor}@${mtimeMs}`;
    if (!warned.has(note)) {
      warned.add(note);
      process.emitWarning(
        `eslint-plugin-aws-lambda: ${descriptor} could not be read, so nothing is taken from it (${(error as Error).message.split('\n')[0] ?? ''})`,
        { code: 'AWS_LAMBDA_DESCRIPTOR' },
      );
    }
  }
  const entry = { mtimeMs, functions, checkedAt: now };
  parsed.set(descriptor, entry);
  return entry;
}

function readDocument(descriptor: string): Record<string, unknown> {
  const text = readFileSync(descriptor, 'utf8');
  if (descriptor.endsWith('.json')) return asRecord(JSON.parse(text)) ?? {};
  const document = parseDocument(text, { customTags: CLOUDFORMATION_TAGS, uniqueKeys: false });
  if (document.errors.length > 0) throw document.errors[0]!;
  return asRecord(document.toJS({ maxAliasCount: 1000 })) ?? {};
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** `'1.0'` and `1.0` (a YAML number) alike. */
const scalarText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? value.toFixed(1) : undefined;
const nodeRuntime = (value: unknown): string | undefined => {
  const runtime = asString(value);
  return runtime && NODE_RUNTIME.test(runtime) ? runtime : undefined;
};

function withoutExtension(file: string): string {
  const extension = path.extname(file);
  return SOURCE_EXTENSIONS.includes(extension) ? file.slice(0, -extension.length) : file;
}

/** `src/handlers/user.get` relative to `base`: the module file (without extension) and the export. */
function splitHandler(base: string, handler: string): { module: string; exportName: string } | undefined {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0 || dot === handler.length - 1) return undefined;
  return { module: path.resolve(base, handler.slice(0, dot)), exportName: handler.slice(dot + 1) };
}

function add(functions: Map<string, DescribedFunction[]>, module: string, described: DescribedFunction): void {
  const list = functions.get(module) ?? [];
  list.push(described);
  functions.set(module, list);
}

/** SAM (`AWS::Serverless::Function`) and CloudFormation (`AWS::Lambda::Function`) functions. */
function templateFunctions(document: Record<string, unknown>, descriptor: string): Map<string, DescribedFunction[]> {
  const functions = new Map<string, DescribedFunction[]>();
  const base = path.dirname(descriptor);
  const globals = asRecord(asRecord(document.Globals)?.Function) ?? {};
  const resources = asRecord(document.Resources) ?? {};
  for (const resource of Object.values(resources)) {
    const record = asRecord(resource);
    const type = asString(record?.Type);
    if (type !== 'AWS::Serverless::Function' && type !== 'AWS::Lambda::Function') continue;
    const properties = asRecord(record?.Properties) ?? {};
    const handler = asString(properties.Handler) ?? asString(globals.Handler);
    const codeUri = asString(properties.CodeUri) ?? asString(globals.CodeUri) ?? '.';
    const target = handler && splitHandler(path.resolve(base, codeUri), handler);
    if (!target) continue;
    add(functions, target.module, {
      exportName: target.exportName,
      runtime: nodeRuntime(properties.Runtime) ?? nodeRuntime(globals.Runtime),
      integration: samIntegration(properties, resources),
      albMultiValueHeaders: false,
      descriptor,
    });
  }
  return functions;
}

function samIntegration(properties: Record<string, unknown>, resources: Record<string, unknown>): DescribedFunction['integration'] {
  if (properties.FunctionUrlConfig) return 'url';
  const events = Object.values(asRecord(properties.Events) ?? {}).map(asRecord);
  let other = false;
  for (const event of events) {
    const type = asString(event?.Type);
    const eventProperties = asRecord(event?.Properties) ?? {};
    if (type === 'Api') return 'rest';
    if (type === 'HttpApi') {
      const api = asString(asRecord(eventProperties.ApiId)?.Ref);
      const apiProperties = asRecord(asRecord(api ? resources[api] : undefined)?.Properties) ?? {};
      const version = scalarText(eventProperties.PayloadFormatVersion) ?? scalarText(apiProperties.PayloadFormatVersion) ?? '2.0';
      return version === '1.0' ? 'http-v1' : 'http-v2';
    }
    if (type) other = true;
  }
  return other ? 'other' : undefined;
}

/** Serverless Framework functions: `handler: src/handlers/user.get`, `events`, `url`, `runtime`. */
function serverlessFunctions(document: Record<string, unknown>, descriptor: string): Map<string, DescribedFunction[]> {
  const functions = new Map<string, DescribedFunction[]>();
  const base = path.dirname(descriptor);
  const provider = asRecord(document.provider) ?? {};
  const payload = scalarText(asRecord(provider.httpApi)?.payload) ?? '2.0';
  for (const definition of Object.values(asRecord(document.functions) ?? {})) {
    const properties = asRecord(definition) ?? {};
    const handler = asString(properties.handler);
    const target = handler && splitHandler(base, handler);
    if (!target) continue;
    let integration: DescribedFunction['integration'];
    let albMultiValueHeaders = false;
    let other = false;
    for (const event of Array.isArray(properties.events) ? properties.events : []) {
      const record = asRecord(event) ?? {};
      if ('http' in record) integration ??= 'rest';
      else if ('httpApi' in record) integration ??= payload === '1.0' ? 'http-v1' : 'http-v2';
      else if ('alb' in record) {
        integration ??= 'alb';
        albMultiValueHeaders ||= asRecord(record.alb)?.multiValueHeaders === true;
      } else other = true;
    }
    if (properties.url) integration ??= 'url';
    add(functions, target.module, {
      exportName: target.exportName,
      runtime: nodeRuntime(properties.runtime) ?? nodeRuntime(provider.runtime),
      integration: integration ?? (other ? 'other' : undefined),
      albMultiValueHeaders,
      descriptor,
    });
  }
  return functions;
}
