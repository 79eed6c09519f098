import type { TSESTree } from '@typescript-eslint/utils';
import { ANY_RESPONSE_KEYS } from '../contract/proxy-contract.js';

/** What a value is, as far as the file (or the type checker) shows. */
export type ValueKind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  | 'undefined'
  | 'object'
  | 'array'
  | 'buffer'
  | 'promise'
  | 'function'
  | 'unknown';

/** One value an expression can have: `cond ? a : b` has two. */
export interface ResolvedValue {
  readonly kind: ValueKind;
  /**
   * The expression that makes the value (an object literal, a string literal, a `JSON.stringify(...)`
   * call), which a fix edits; for a value known only from its type, the expression that was typed.
   */
  readonly node: TSESTree.Node;
  /** The keys of an object value. */
  readonly shape?: ResponseShape;
  /** For `JSON.stringify(x)`: the values of `x`. */
  readonly stringifies?: readonly ResolvedValue[];
  /** For a promise: the values it settles with, when known. */
  readonly settled?: readonly ResolvedValue[];
  /** For `await res.json()`: parsed JSON, most often an object, but it may be any JSON value. */
  readonly parsedJson?: boolean;
  /** True when the kind comes from the type checker rather than from code in the file. */
  readonly fromType?: boolean;
  /** An `Error`: a `catch` clause's parameter or `new Error(...)`. It serializes to `{}`. */
  readonly error?: boolean;
  /** A reason phrase from `node:http`'s `STATUS_CODES` (`'Created'`): a string that is not a number. */
  readonly reasonPhrase?: boolean;
}

export interface ShapeProperty {
  readonly name: string;
  /** The kind all values agree on, or `unknown`. */
  readonly kind: ValueKind;
  readonly values: readonly ResolvedValue[];
  /** The property in the object literal, or the `x.name = ...` assignment that added it. */
  readonly definition?: TSESTree.Property | TSESTree.AssignmentExpression;
  /** The key as written (an identifier or a string literal). */
  readonly key?: TSESTree.Node;
  /** The value expression as written. */
  readonly value?: TSESTree.Node;
  /**
   * Declared optional by the value's type (`cookies?: string[]`): the value may not have the key. A
   * check that a key is there (or is not) does not count on it; a check of its value still applies.
   */
  readonly optional?: boolean;
}

/** A response object: its keys, and whether other keys may hide behind a spread or a mutation. */
export interface ResponseShape {
  /** The object literal, when the object is one in this file. */
  readonly node?: TSESTree.ObjectExpression;
  readonly properties: ReadonlyMap<string, ShapeProperty>;
  /** False when a spread, a computed key or `Object.assign` may add keys the file does not show. */
  readonly complete: boolean;
}

/** Whether an object has a key that some integration reads as a response key. */
export function hasProxyKeys(shape: ResponseShape): boolean {
  for (const name of shape.properties.keys()) {
    if (ANY_RESPONSE_KEYS.has(name)) return true;
  }
  return false;
}

/** The one kind shared by all values, or `unknown`. */
export function commonKind(values: readonly { readonly kind: ValueKind }[]): ValueKind {
  const first = values[0]?.kind ?? 'unknown';
  return values.every((value) => value.kind === first) ? first : 'unknown';
}

/** The name of a non-computed key, or of a computed key that is a string literal. */
export function staticKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (!computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === 'TemplateLiteral' && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * An object literal's keys: a spread adds the keys `spread` knows of its value (`'nothing'` for
 * `...null` and `...undefined`, undefined where they are unknown), each static key what `property`
 * makes of it. `complete` is false where keys may hide behind a spread or a computed key.
 */
export function objectLiteralKeys<P>(
  object: TSESTree.ObjectExpression,
  spread: (argument: TSESTree.Expression) => { readonly properties: ReadonlyMap<string, P>; readonly complete: boolean } | 'nothing' | undefined,
  property: (name: string, property: TSESTree.Property) => P,
): { properties: Map<string, P>; complete: boolean } {
  const properties = new Map<string, P>();
  let complete = true;
  for (const element of object.properties) {
    if (element.type === 'SpreadElement') {
      const keys = spread(element.argument);
      if (keys === undefined) complete = false;
      else if (keys !== 'nothing') {
        for (const [name, inner] of keys.properties) properties.set(name, inner);
        complete &&= keys.complete;
      }
      continue;
    }
    const name = staticKeyName(element.key, element.computed);
    if (name === undefined) complete = false;
    else properties.set(name, property(name, element));
  }
  return { properties, complete };
}
