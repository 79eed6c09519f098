import { readFileSync, type Stats, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { skipTypeWrappers } from './resolve.js';

/**
 * Source files of the project that are not the linted file: a CDK app's stacks, the module a wrapper
 * is imported from. Parsed without a TypeScript program: typescript-estree for TypeScript (loaded only
 * then: TypeScript is an optional peer), espree (ESLint's own parser) for JavaScript.
 */

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

/**
 * How long an answer read from the file system (a folder listing, a parsed descriptor, a package's
 * version) is trusted before the files are looked at again: long enough that a lint run does not ask
 * the file system for every file, short enough that an editor sees a new or changed file at once.
 */
export const RECHECK_MS = 2000;

/** A source file's path without its extension: how descriptors name modules (`src/app` for `src/app.mjs`). */
export function withoutExtension(file: string): string {
  const extension = path.extname(file);
  return SOURCE_EXTENSIONS.includes(extension) ? file.slice(0, -extension.length) : file;
}

const require = createRequire(import.meta.url);
let typescriptEstree: typeof import('@typescript-eslint/typescript-estree') | undefined;
interface Espree {
  parse(code: string, options: object): unknown;
}
let espree: Espree | undefined;

/**
 * A source file's syntax tree, with `parent` set on every node. Throws an error that names the file
 * and line when it does not parse. `typeScriptParser`: JavaScript is read by typescript-estree too, as
 * where the linted files are (its code is warm then, and espree's would be compiled for a few modules).
 */
export function parseSource(file: string, code: string, typeScriptParser = false): TSESTree.Program {
  const program = parseText(file, code, typeScriptParser);
  visit(program, () => undefined, true);
  return program;
}

function parseText(file: string, code: string, typeScriptParser: boolean): TSESTree.Program {
  const extension = path.extname(file);
  try {
    if (extension.includes('t') || typeScriptParser) {
      try {
        typescriptEstree ??= require('@typescript-eslint/typescript-estree') as typeof import('@typescript-eslint/typescript-estree');
      } catch {
        throw new Error('TypeScript is not installed, so its TypeScript source cannot be read');
      }
      // The file's path makes its extension choose the language (`.js` is JavaScript, with JSX).
      return typescriptEstree.parse(code, { filePath: file, jsx: extension === '.tsx' || extension === '.jsx' });
    }
    espree ??= require('espree') as Espree;
    const options = { ecmaVersion: 'latest', ecmaFeatures: { jsx: extension === '.jsx' } };
    try {
      return espree.parse(code, { ...options, sourceType: 'module' }) as TSESTree.Program;
    } catch {
      return espree.parse(code, { ...options, sourceType: 'commonjs' }) as TSESTree.Program;
    }
  } catch (error) {
    // typescript-estree's and espree's errors both carry the line.
    const line = (error as { lineNumber?: unknown }).lineNumber;
    const where = typeof line === 'number' ? `${path.basename(file)}:${line}` : path.basename(file);
    throw new Error(`${where}: ${(error as Error).message.split('\n')[0] ?? ''}`, { cause: error });
  }
}

/**
 * What `read` makes of a file's text, kept until the file changes: undefined when the file cannot be
 * read, or when `read` throws (a file that does not parse says nothing).
 */
export function readWhileUnchanged<T>(cache: Map<string, { mtimeMs: number; value: T | undefined }>, file: string, read: (text: string) => T): T | undefined {
  const mtimeMs = modifiedAt(file);
  if (mtimeMs === undefined) return undefined;
  const cached = cache.get(file);
  if (cached?.mtimeMs === mtimeMs) return cached.value;
  let value: T | undefined;
  try {
    value = read(readFileSync(file, 'utf8'));
  } catch {
    value = undefined;
  }
  cache.set(file, { mtimeMs, value });
  return value;
}

const parsed = new Map<string, { mtimeMs: number; value: TSESTree.Program | undefined }>();

/**
 * A project file's syntax tree, parsed once and again when the file changes; undefined when it does not
 * parse. `typeScriptParser`: see parseSource.
 */
export function parsedFile(file: string, typeScriptParser = false): TSESTree.Program | undefined {
  return readWhileUnchanged(parsed, file, (text) => parseSource(file, text, typeScriptParser));
}

/**
 * Visits every node of a tree in source order, parents first; `withParents` also sets each node's
 * `parent`. A visitor that returns false for a node is not shown what is below it.
 */
export function visit(root: TSESTree.Node, visitor: (node: TSESTree.Node) => unknown, withParents = false): void {
  const stack: Record<string, unknown>[] = [root as unknown as Record<string, unknown>];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visitor(node as unknown as TSESTree.Node) === false) continue;
    const children: Record<string, unknown>[] = [];
    for (const key of Object.keys(node)) {
      if (key === 'parent' || key === 'range' || key === 'loc') continue;
      const value = node[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (typeof child !== 'object' || child === null || typeof (child as { type?: unknown }).type !== 'string') continue;
        if (withParents) (child as Record<string, unknown>).parent = node;
        children.push(child as Record<string, unknown>);
      }
    }
    // In source order: the last child is taken last.
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index]!);
  }
}

/**
 * A relative import as a source file, or undefined when it is none (a JSON file, a missing file, a package).
 * `fromJavaScript`: the importing file is JavaScript, whose `./x.js` is `x.js` itself, never `x.ts`.
 */
export function resolveImport(folder: string, specifier: string, fromJavaScript = false): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.resolve(folder, specifier);
  if (target.split(path.sep).includes('node_modules')) return undefined;
  const candidates = [
    // `import './stack.js'` in TypeScript names `stack.ts`.
    fromJavaScript ? target : target.replace(/\.([cm]?)js$/u, '.$1ts'),
    target,
    ...SOURCE_EXTENSIONS.map((extension) => target + extension),
    ...SOURCE_EXTENSIONS.map((extension) => path.join(target, `index${extension}`)),
  ];
  return candidates.find((candidate) => SOURCE_EXTENSIONS.includes(path.extname(candidate)) && isFile(candidate));
}

function isFile(file: string): boolean {
  return statOf(file)?.isFile() === true;
}

/**
 * A file's stats, undefined where there is none. Without an exception: most files a lint run looks for
 * (a package.json in each function's folder, an import's candidate extensions) do not exist, and a
 * thrown ENOENT costs several times the `stat` itself.
 */
function statOf(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    // Not a folder, or no permission.
    return undefined;
  }
}

/** When a file was last changed, or undefined where there is none. */
export function modifiedAt(file: string): number | undefined {
  return statOf(file)?.mtimeMs;
}

/** `require('x')`: the module name. */
export function requiredModule(node: TSESTree.Node): string | undefined {
  const call = skipTypeWrappers(node);
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== 'require') return undefined;
  const argument = call.arguments[0];
  return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : undefined;
}

/** The export a destructured `require` takes for a local name: `handler` in `const { handler: local } = require(...)`. */
export function destructuredName(pattern: TSESTree.BindingName, local: string): string | undefined {
  if (pattern.type !== 'ObjectPattern') return undefined;
  for (const property of pattern.properties) {
    if (property.type === 'Property' && !property.computed && property.value.type === 'Identifier' && property.value.name === local && property.key.type === 'Identifier') {
      return property.key.name;
    }
  }
  return undefined;
}

/** The name an import specifier takes from its module: `default`, `*` for a namespace, or the export's name. */
export function importedName(specifier: TSESTree.ImportClause): string {
  if (specifier.type === 'ImportDefaultSpecifier') return 'default';
  if (specifier.type === 'ImportNamespaceSpecifier') return '*';
  return specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
}
