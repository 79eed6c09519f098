/**
 * The Lambda proxy contract as data: which keys each integration reads in a response, what the client
 * gets when a response breaks it, and how messages name each part. The checks and the messages read it
 * from here, so a change in ../shared/spec/lambda-proxy-contract.md is one edit in this file.
 * Sources: the spec's sections 1 to 4 and 9.
 */
import type { ValueKind } from '../analysis/shape.js';

export const INTEGRATIONS = ['rest', 'http-v1', 'http-v2', 'url', 'alb'] as const;
/** The front door that reads a handler's response (`integration` setting values). */
export type Integration = (typeof INTEGRATIONS)[number];

export interface IntegrationContract {
  /** How messages name the integration. */
  readonly name: string;
  /** Payload format 1.0 (`multiValueHeaders`, no `cookies`) or 2.0 (inferred responses, `cookies`). */
  readonly payload: '1.0' | '2.0';
  /** The response keys the integration reads. */
  readonly keys: ReadonlySet<string>;
  /** Whether any other key makes the response malformed (REST), rather than being ignored. */
  readonly rejectsUnknownKeys: boolean;
  /** What it answers the client for a malformed response (completes "API Gateway (REST) ..."). */
  readonly malformed: string;
  /** What it answers for every function error (`throw`, `callback(error)`), whatever the error says. */
  readonly functionError: string;
  /** What the client gets when the runtime answers `null` because the returned value was lost. */
  readonly nullResponse: string;
  /** What the client gets for `{}`, which is what a returned `Error` serializes to. */
  readonly emptyObject: string;
}

/** The keys of a payload 1.0 response (REST, HTTP API 1.0). */
const PAYLOAD_V1_KEYS = ['statusCode', 'body', 'headers', 'multiValueHeaders', 'isBase64Encoded'] as const;
/** The keys of a payload 2.0 response (HTTP API 2.0, Function URLs). */
const PAYLOAD_V2_KEYS = ['statusCode', 'body', 'headers', 'cookies', 'isBase64Encoded'] as const;
const API_GATEWAY_NULL = 'API Gateway logs "Endpoint response body before transformations: null" and answers 502';
const TEXT_NULL = 'the client gets the text `null` with status 200';

export const CONTRACT: Readonly<Record<Integration, IntegrationContract>> = {
  rest: {
    name: 'API Gateway (REST)',
    payload: '1.0',
    keys: new Set(PAYLOAD_V1_KEYS),
    rejectsUnknownKeys: true,
    malformed: 'answers 502 "Malformed Lambda proxy response"',
    functionError: '502',
    nullResponse: API_GATEWAY_NULL,
    emptyObject: 'answers 200 with an empty body, so the failure reaches the client as a success',
  },
  'http-v1': {
    name: 'API Gateway (HTTP API, payload 1.0)',
    payload: '1.0',
    keys: new Set(PAYLOAD_V1_KEYS),
    rejectsUnknownKeys: false,
    malformed: 'answers 500',
    functionError: '500',
    nullResponse: API_GATEWAY_NULL,
    emptyObject: 'answers 500, without the error',
  },
  'http-v2': {
    name: 'API Gateway (HTTP API, payload 2.0)',
    payload: '2.0',
    keys: new Set(PAYLOAD_V2_KEYS),
    rejectsUnknownKeys: false,
    malformed: 'answers 500',
    functionError: '500',
    nullResponse: TEXT_NULL,
    emptyObject: 'answers 200 with the text `{}`, so the failure reaches the client as a success',
  },
  url: {
    name: 'The Function URL',
    payload: '2.0',
    keys: new Set(PAYLOAD_V2_KEYS),
    rejectsUnknownKeys: false,
    malformed: 'answers with an error',
    functionError: 'a 5xx error',
    nullResponse: TEXT_NULL,
    emptyObject: 'answers 200 with the text `{}`, so the failure reaches the client as a success',
  },
  alb: {
    name: 'The load balancer (ALB)',
    payload: '1.0',
    keys: new Set(['statusCode', 'statusDescription', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded']),
    rejectsUnknownKeys: false,
    malformed: 'answers 502 (LambdaInvalidResponse)',
    functionError: 'a 5xx error',
    nullResponse: 'the load balancer answers 502',
    emptyObject: 'answers 502 (LambdaInvalidResponse), without the error',
  },
};

/** What a caller that is not an HTTP front door makes of a `null` response. */
export const NULL_RESPONSE_OTHER_TRIGGER = 'the caller gets `null`';

/** Every key that some integration reads: an object with one of them is meant as a proxy response. */
export const ANY_RESPONSE_KEYS: ReadonlySet<string> = new Set(
  Object.values(CONTRACT).flatMap((contract) => [...contract.keys]),
);

/** The keys the REST contract accepts: a misspelled key is one of these but for case or one edit. */
export const REST_RESPONSE_KEYS: readonly string[] = [...CONTRACT.rest.keys];

/**
 * Whether the keys of a returned object say that it answers an HTTP request: `statusCode` together
 * with `body` or `headers`. A lone `statusCode` among other keys is not evidence: workflow steps and
 * directly invoked functions return `{ statusCode, result }` as data.
 */
export function keysAnswerHttp(keys: { has(key: string): boolean }): boolean {
  return keys.has('statusCode') && (keys.has('body') || keys.has('headers'));
}

/**
 * Keys that payload 2.0 applies only when `statusCode` is there: without it the whole object is sent
 * as JSON text (the inferred response), so these keys are lost.
 */
export const INFERRED_RESPONSE_LOSES: readonly string[] = ['body', 'headers', 'cookies', 'isBase64Encoded'];

/** Integrations that read payload format 1.0 responses (`multiValueHeaders`, no `cookies`). */
export function isPayloadV1(integration: Integration): boolean {
  return CONTRACT[integration].payload === '1.0';
}

/** How messages name a kind of value. */
export const KIND_NAMES: Readonly<Record<ValueKind, string>> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  null: '`null`',
  undefined: '`undefined`',
  object: 'an object',
  array: 'an array',
  buffer: 'a Buffer',
  promise: 'a promise',
  function: 'a function',
  unknown: 'a value of unknown type',
};

/**
 * Fields of an HTTP event that hold objects (or `null`), never a string: `body: event.headers` is an
 * object body, as is `body: event` itself.
 */
export const EVENT_OBJECT_FIELDS: ReadonlySet<string> = new Set([
  'headers',
  'multiValueHeaders',
  'queryStringParameters',
  'multiValueQueryStringParameters',
  'pathParameters',
  'stageVariables',
  'requestContext',
]);
