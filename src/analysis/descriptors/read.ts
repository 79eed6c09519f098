import { readFileSync } from 'node:fs';
import { DEFAULT_SCHEMA, load, Type } from 'js-yaml';
import { ANY_NODE_RUNTIME_ID } from '../../contract/runtimes.js';

/**
 * Reading a descriptor file: YAML (with CloudFormation's short tags) or JSON, into plain values, and
 * the small helpers that read those values without trusting their shape.
 *
 * js-yaml, not the `yaml` package: a 1,400-function template (330 kB) parses in about 80 ms in a fresh
 * process against about 500 ms, and a lint run reads its descriptors in a fresh process.
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
/** The default schema (YAML 1.2 core, with `<<` merge keys as the Serverless Framework reads them) and the short tags. */
const CLOUDFORMATION_SCHEMA = DEFAULT_SCHEMA.extend(
  INTRINSICS.flatMap((name) => {
    const longForm = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
    return [
      new Type(`!${name}`, { kind: 'scalar', construct: (value: string) => ({ [longForm]: value }) }),
      new Type(`!${name}`, { kind: 'sequence' }),
      new Type(`!${name}`, { kind: 'mapping' }),
    ];
  }),
);

/** A descriptor file as plain values; throws with the parser's message when it does not parse. */
export function readDocument(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) return JSON.parse(text) as unknown;
  // `json`: a repeated key keeps its last value, as CloudFormation and the Serverless Framework read it.
  return load(text, { schema: CLOUDFORMATION_SCHEMA, json: true });
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
