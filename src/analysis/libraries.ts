import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { LIBRARY_ARITY, type LibraryArity } from '../contract/library-arity.js';
import { forEachExport } from './exports.js';
import { packageVersion, spansWithin } from './package-versions.js';
import { skipTypeWrappers } from './resolve.js';
import { importedName, requiredModule } from './source-files.js';

/**
 * Exported handlers that a library makes: `export const handler = serverlessExpress({ app })`. The
 * runtime calls the library's function, and Node.js 24 refuses it at start-up when its `length` is 3
 * or more, whatever the project's own code looks like. Which releases make such a function is data,
 * measured by running them (src/contract/library-arity.ts, scripts/library-arity.js).
 */
export interface LibraryHandler {
  readonly exportName: string;
  /** The call that makes the handler. */
  readonly node: TSESTree.Node;
  readonly package: string;
  /** The version the project runs: installed, or the range its package.json asks for. */
  readonly version: string;
  readonly arity: number;
  /** The first release that makes a two-parameter handler, or a successor package's. */
  readonly upgrade: string | undefined;
}

/** Packages that were renamed, and where their fix is (the old names' npm deprecation notices and READMEs). */
const SUCCESSORS: Readonly<Record<string, string>> = { '@vendia/serverless-express': '@codegenie/serverless-express', middy: '@middy/core' };

/** The module names the table knows, to pass over a file that imports none of them by its text alone. */
const MODULES = [...new Set(LIBRARY_ARITY.map((entry) => entry.module))];

/** Methods of a middy handler that return the same handler. */
const CHAIN_METHODS = new Set(['use', 'before', 'after', 'onError', 'handler']);

interface Binding {
  readonly source: string;
  /** The imported name (`default` for a default import, `*` for a namespace or a whole `require`). */
  readonly name: string;
}

/**
 * The exports among `names` that a library call makes, with the version the project runs, where every
 * release that version allows makes a handler of three or more parameters. An unknown version, or a
 * range that allows a fixed release, gives nothing.
 */
export function libraryHandlers(
  program: TSESTree.Program,
  text: string,
  filename: string,
  handlerNames: () => ReadonlySet<string>,
): LibraryHandler[] {
  if (!MODULES.some((module) => text.includes(module))) return [];
  const names = handlerNames();
  const bindings = new Map<string, Binding>();
  const values = new Map<string, TSESTree.Node>();
  const exported: { name: string; value: TSESTree.Node }[] = [];
  for (const statement of program.body) {
    collectStatement(statement, bindings, values, exported);
  }
  const found: LibraryHandler[] = [];
  for (const { name, value } of exported) {
    if (!names.has(name)) continue;
    const made = libraryCall(value, bindings, values);
    if (!made) continue;
    const judged = judge(made.module, filename);
    if (judged) found.push({ exportName: name, node: made.node, ...judged });
  }
  return found;
}

function collectStatement(
  statement: TSESTree.ProgramStatement,
  bindings: Map<string, Binding>,
  values: Map<string, TSESTree.Node>,
  exported: { name: string; value: TSESTree.Node }[],
): void {
  if (statement.type === 'ImportDeclaration') {
    for (const specifier of statement.specifiers) {
      bindings.set(specifier.local.name, { source: statement.source.value, name: importedName(specifier) });
    }
    return;
  }
  const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
  if (declaration?.type === 'VariableDeclaration') {
    for (const declarator of declaration.declarations) {
      if (!declarator.init) continue;
      const required = requiredModule(declarator.init);
      if (required !== undefined && declarator.id.type === 'Identifier') {
        bindings.set(declarator.id.name, { source: required, name: '*' });
      } else if (required !== undefined && declarator.id.type === 'ObjectPattern') {
        for (const property of declarator.id.properties) {
          if (property.type === 'Property' && property.key.type === 'Identifier' && property.value.type === 'Identifier') {
            bindings.set(property.value.name, { source: required, name: property.key.name });
          }
        }
      } else if (declarator.id.type === 'Identifier') {
        values.set(declarator.id.name, declarator.init);
      }
    }
  }
  forEachExport(statement, (candidate) => {
    if (!candidate.isDefault) exported.push({ name: candidate.name, value: candidate.expression });
  });
}

/** The library module a value is made by, following names bound at the top level. */
function libraryCall(
  value: TSESTree.Node,
  bindings: ReadonlyMap<string, Binding>,
  values: ReadonlyMap<string, TSESTree.Node>,
  depth = 0,
): { module: string; node: TSESTree.Node } | undefined {
  const node = skipTypeWrappers(value);
  if (depth > 12) return undefined;
  if (node.type === 'Identifier') {
    const bound = values.get(node.name);
    return bound ? libraryCall(bound, bindings, values, depth + 1) : undefined;
  }
  if (node.type !== 'CallExpression') return undefined;
  const callee = skipTypeWrappers(node.callee);
  if (callee.type === 'Identifier') {
    const binding = bindings.get(callee.name);
    if (!binding) return undefined;
    // `serverlessExpress({ app })`, `handle(app)`, `middy(fn)`: the module's default, or its named `handle`.
    const module = MODULES.find((name) => name === binding.source);
    if (module === undefined) return undefined;
    const callable = binding.name === 'default' || binding.name === '*' || binding.name === 'handle';
    return callable ? { module, node } : undefined;
  }
  if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return undefined;
  const method = callee.property.name;
  // `middy(fn).use(cors())` and `middy().handler(fn)`: the chain returns what `middy()` made.
  if (CHAIN_METHODS.has(method)) return libraryCall(callee.object, bindings, values, depth + 1);
  // `receiver.toHandler()`, with `const receiver = new AwsLambdaReceiver(...)` from @slack/bolt.
  if (method === 'toHandler' && callee.object.type === 'Identifier') {
    const receiver = values.get(callee.object.name);
    const made = receiver && skipTypeWrappers(receiver);
    if (made?.type === 'NewExpression' && made.callee.type === 'Identifier' && bindings.get(made.callee.name)?.source === '@slack/bolt') {
      return { module: '@slack/bolt', node };
    }
    return undefined;
  }
  // `ServerlessAdapter.new(app)...setHandler(new DefaultHandler())...build()`
  if (method === 'build') {
    let link: TSESTree.Node = callee.object;
    let defaultHandler = false;
    let adapter = false;
    for (let steps = 0; steps < 20 && link.type === 'CallExpression'; steps += 1) {
      const linkCallee = skipTypeWrappers(link.callee);
      if (linkCallee.type !== 'MemberExpression' || linkCallee.property.type !== 'Identifier') break;
      const argument = link.arguments[0];
      if (linkCallee.property.name === 'setHandler' && argument?.type === 'NewExpression' && argument.callee.type === 'Identifier') {
        defaultHandler = bindings.get(argument.callee.name)?.name === 'DefaultHandler';
      }
      if (linkCallee.property.name === 'new' && linkCallee.object.type === 'Identifier') {
        adapter = bindings.get(linkCallee.object.name)?.source === '@h4ad/serverless-adapter';
      }
      link = linkCallee.object;
    }
    return defaultHandler && adapter ? { module: '@h4ad/serverless-adapter', node } : undefined;
  }
  return undefined;
}

/** What the table says of the release the project runs, when every release it allows makes a 3-parameter handler. */
function judge(module: string, filename: string): Omit<LibraryHandler, 'exportName' | 'node'> | undefined {
  const entries = LIBRARY_ARITY.filter((entry) => entry.module === module);
  const name = entries[0]?.package;
  if (name === undefined) return undefined;
  const version = packageVersion(name, path.dirname(filename));
  if (!version) return undefined;
  // The answer depends on the version alone: one semver comparison per version a run meets, not per file.
  const key = `${module}\0${version.range}`;
  if (!judgements.has(key)) {
    const spans = spansWithin(version.range, entries);
    judgements.set(
      key,
      spans.length === 0 || !spans.every((span) => typeof span.arity === 'number' && span.arity >= 3)
        ? undefined
        : { package: name, version: version.range, arity: Math.min(...spans.map((span) => span.arity as number)), upgrade: upgradeFor(name, entries) },
    );
  }
  return judgements.get(key);
}

const judgements = new Map<string, Omit<LibraryHandler, 'exportName' | 'node'> | undefined>();

/** `hono 4.12.6`, or a renamed package's successor release that fixes it. */
function upgradeFor(name: string, entries: readonly LibraryArity[]): string | undefined {
  const fixed = entries.find((entry) => typeof entry.arity === 'number' && entry.arity < 3);
  if (fixed) return `${name} ${fixed.from}`;
  const successor = SUCCESSORS[name];
  const successorFix = successor && LIBRARY_ARITY.find((entry) => entry.package === successor && typeof entry.arity === 'number' && entry.arity < 3);
  return successorFix ? `${successor} ${successorFix.from}` : undefined;
}
