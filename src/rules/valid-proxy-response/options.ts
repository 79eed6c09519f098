import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/** The checks of `valid-proxy-response`, each of which `checks: { name: false }` turns off. */
export const CHECKS = [
  'response-type',
  'response-keys',
  'unknown-keys',
  'status-code',
  'body',
  'headers',
  'multi-value-headers',
  'is-base64-encoded',
  'cookies',
] as const;
export type Check = (typeof CHECKS)[number];

export interface Options {
  requireStatusCode?: boolean;
  allowNumericStatusCodeStrings?: boolean;
  checks?: Partial<Record<Check, boolean>>;
}

export const SCHEMA: JSONSchema4[] = [
  {
    type: 'object',
    additionalProperties: false,
    properties: {
      requireStatusCode: {
        type: 'boolean',
        description: 'Report a REST API response without `statusCode` (API Gateway answers 200 for it). On in `strict`.',
      },
      allowNumericStatusCodeStrings: {
        type: 'boolean',
        description:
          'Allow `statusCode: "200"`, which REST APIs and Function URLs accept but the types do not. Off in `strict`.',
      },
      checks: {
        type: 'object',
        description: 'Turns single checks off (`false`) without turning the rule off.',
        additionalProperties: false,
        properties: Object.fromEntries(CHECKS.map((check) => [check, { type: 'boolean', description: `The \`${check}\` check.` }])),
      },
    },
  },
];

export const DEFAULT_OPTIONS: [Options] = [{ requireStatusCode: false, allowNumericStatusCodeStrings: true, checks: {} }];
