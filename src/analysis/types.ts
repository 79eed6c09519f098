import { createRequire } from 'node:module';
import type { TSESTree } from '@typescript-eslint/utils';
import type { RuleContext } from '@typescript-eslint/utils/ts-eslint';
import type ts from 'typescript';
import { AWS_LAMBDA_DECLARATION_FILE } from '../contract/aws-lambda-types.js';
import type { ValueKind } from './shape.js';

/**
 * Optional type information. `loadTypeFacts` returns null when the file is linted without a
 * TypeScript program (plain JavaScript, or TypeScript without `projectService`); every rule works then
 * and does more when it is there. The checker is asked only about values that leave a handler.
 */
export interface TypeFacts {
  /**
   * The kind of value an expression has, `unknown` for `any`, `unknown` and mixed unions; with
   * `awaited`, the kind of what it settles with when it is a promise.
   */
  kindOf(node: TSESTree.Node, awaited?: boolean): ValueKind;
  /**
   * The properties of an (awaited) object type, each with its kind, and which of them the type
   * declares optional (`cookies?: string[]`: a value of the type may not have them); null when it is
   * not one object.
   */
  propertiesOf(node: TSESTree.Node): TypedProperties | null;
  /**
   * Names of the type (alias and symbol, and each union member's) that `@types/aws-lambda` declares,
   * e.g. `APIGatewayProxyEvent`; a project's own types of the same names are not among them.
   */
  typeNames(node: TSESTree.Node): readonly string[];
}

export interface TypedProperties {
  readonly kinds: ReadonlyMap<string, ValueKind>;
  readonly optional: ReadonlySet<string>;
}

/**
 * What the analysis did, by file name, once the benchmark turns counting on: how many handlers it
 * found and how often it asked the type checker.
 */
export const analysisStats = {
  counting: false,
  handlers: new Map<string, number>(),
  typeQueries: new Map<string, number>(),
};

let typescript: typeof ts | undefined;
function loadTypeScript(): typeof ts {
  // Loaded only when a program exists, which means TypeScript is installed: it is an optional peer.
  typescript ??= createRequire(import.meta.url)('typescript') as typeof ts;
  return typescript;
}

/** Types whose values are bytes: a `body` of one is not text. */
export const BINARY_TYPE_NAMES: ReadonlySet<string> = new Set([
  'Buffer',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int8Array',
  'Uint16Array',
  'Int16Array',
  'Uint32Array',
  'Int32Array',
  'Blob',
]);

type AnyContext = Readonly<RuleContext<string, readonly unknown[]>>;

export function loadTypeFacts(context: AnyContext): TypeFacts | null {
  const services = context.sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return null;
  const program = services.program;
  const nodeMap = services.esTreeNodeToTSNodeMap;
  // Asked for on the first question only: most files have no handler and never ask one.
  let checkerOnce: ts.TypeChecker | undefined;
  const checker = (): ts.TypeChecker => (checkerOnce ??= program.getTypeChecker());

  const filename = context.filename;
  // One question per node: its kind and its properties are read from the same answer.
  const types = new Map<TSESTree.Node, ts.Type>();
  const typeAt = (node: TSESTree.Node): ts.Type => {
    let type = types.get(node);
    if (type) return type;
    if (analysisStats.counting) analysisStats.typeQueries.set(filename, (analysisStats.typeQueries.get(filename) ?? 0) + 1);
    type = checker().getTypeAtLocation(nodeMap.get(node));
    types.set(node, type);
    return type;
  };

  const awaitedTypeAt = (node: TSESTree.Node): ts.Type => {
    const type = typeAt(node);
    return checker().getAwaitedType(type) ?? type;
  };

  const kindOfType = (type: ts.Type): ValueKind => kindOfTypeWith(checker(), loadTypeScript(), type);

  return {
    kindOf: (node, awaited = false) => kindOfType(awaited ? awaitedTypeAt(node) : typeAt(node)),
    propertiesOf(node) {
      const type = awaitedTypeAt(node);
      if (kindOfType(type) !== 'object' || type.getStringIndexType()) return null;
      const kinds = new Map<string, ValueKind>();
      const optional = new Set<string>();
      const Optional = loadTypeScript().SymbolFlags.Optional;
      for (const symbol of type.getProperties()) {
        const name = symbol.getName();
        kinds.set(name, kindOfType(checker().getTypeOfSymbol(symbol)));
        if (symbol.flags & Optional) optional.add(name);
      }
      return { kinds, optional };
    },
    typeNames(node) {
      const names: string[] = [];
      const collect = (type: ts.Type): void => {
        for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
          if (symbol && isDeclaredByAwsLambdaTypes(symbol)) names.push(symbol.getName());
        }
        if (type.isUnion()) type.types.forEach(collect);
      };
      collect(typeAt(node));
      return names;
    },
  };
}

/**
 * The kind of value a type has: `unknown` for `any`, `unknown`, type parameters and unions of several
 * kinds (`undefined` aside: an optional value has the kind it has when it is there). Also used by
 * scripts/event-field-kinds.js, which makes the table of event fields with it.
 */
export function kindOfTypeWith(checker: ts.TypeChecker, typescript: typeof ts, type: ts.Type): ValueKind {
  if (type.isUnion()) {
    const kinds = new Set(type.types.map((member) => kindOfTypeWith(checker, typescript, member)));
    kinds.delete('undefined');
    return kinds.size === 1 ? [...kinds][0]! : 'unknown';
  }
  const flags = type.flags;
  const TypeFlags = typescript.TypeFlags;
  if (flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.TypeParameter | TypeFlags.Never)) return 'unknown';
  if (flags & TypeFlags.StringLike) return 'string';
  if (flags & TypeFlags.NumberLike) return 'number';
  if (flags & TypeFlags.BooleanLike) return 'boolean';
  if (flags & TypeFlags.Null) return 'null';
  if (flags & (TypeFlags.Undefined | TypeFlags.Void)) return 'undefined';
  if (!(flags & TypeFlags.Object) && !type.isIntersection()) return 'unknown';
  if (checker.isArrayType(type) || checker.isTupleType(type)) return 'array';
  const symbolName = type.getSymbol()?.getName();
  if (symbolName !== undefined && BINARY_TYPE_NAMES.has(symbolName)) return 'buffer';
  if (type.getProperty('then')) return 'promise';
  if (type.getCallSignatures().length > 0) return 'function';
  return 'object';
}

/** Whether `@types/aws-lambda` declares a symbol: where it is declared, not what it is called. */
function isDeclaredByAwsLambdaTypes(symbol: ts.Symbol): boolean {
  return symbol.declarations?.some((declaration) => AWS_LAMBDA_DECLARATION_FILE.test(declaration.getSourceFile().fileName)) ?? false;
}
