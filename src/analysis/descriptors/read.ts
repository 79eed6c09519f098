import { readFileSync } from 'node:fs';
import { parseDocument, type Tags } from 'yaml';
import { ANY_NODE_RUNTIME_ID } from '../../contract/runtimes.js';

/**
 * Reading a descriptor file: YAML (with CloudFormation's short tags) or JSON, into plain values, and
 * the small helpers that read those values without trusting their shape.
 */

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

/** A descriptor file as plain values; throws with the parser's message when it does not parse. */
export function readDocument(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) return JSON.parse(text) as unknown;
  const document = parseDocument(text, { customTags: CLOUDFORMATION_TAGS, uniqueKeys: false, logLevel: 'silent' });
  if (document.errors.length > 0) throw document.errors[0]!;
  return document.toJS({ maxAliasCount: 1000 }) as unknown;
}

export const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
export const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** `'1.0'` and `1.0` (a YAML number) alike. */
export const scalarText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' ? value.toFixed(1) : undefined;
/** A Node.js runtime id (`nodejs22.x`, or an old form such as `nodejs8.10`), or undefined. */
export function nodeRuntime(value: unknown): string | undefined {
  const runtime = asString(value);
  return runtime && ANY_NODE_RUNTIME_ID.test(runtime) ? runtime : undefined;
}
