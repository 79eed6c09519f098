// Writes a serverless repository for the benchmark, laid out as `sam init` apps and the public
// serverless repositories are: a SAM `template.yaml` with one function per handler, each handler in a
// folder of its own (`src/functions/<name>/index.ts`), a `src/libs/` of shared response builders, clients
// and middleware, and unit tests beside them. About 70% of the files are handlers, of every style,
// trigger and integration; the rest are helpers and tests. Deterministic for a given N.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeTypeScriptProject } from './generate.js';

/**
 * The handlers: [file extension, the SAM event that triggers it (or null: none), source].
 * Mostly correct code, as in real repositories, with the defects the plugin exists for among them.
 */
const HANDLERS = [
  ['ts', 'Api', (i) => `import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { getItem } from '../../libs/dynamo.js';
import { badRequest, notFound, ok } from '../../libs/response.js';

export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const id = event.pathParameters?.id;
  if (!id) return badRequest('id is required');
  const item = await getItem('table-${i % 9}', id);
  if (!item) return notFound(\`no item \${id}\`);
  return ok(item);
};
`],
  ['ts', 'HttpApi', () => `import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';
import { logger } from '../../libs/logger.js';

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  logger.info('request', { path: event.rawPath });
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    cookies: ['session=1; HttpOnly; Secure'],
    body: JSON.stringify({ method: event.requestContext.http.method, path: event.rawPath }),
  };
};
`],
  ['ts', 'Api', (i) => `import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { CORS_HEADERS } from '../../libs/cors.js';
import { putItem } from '../../libs/dynamo.js';
import { parseBody } from '../../libs/validate.js';

export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  try {
    const input = parseBody<{ name: string; price: number }>(event.body);
    if (!input.name) {
      return { statusCode: 400, headers: CORS_HEADERS, body: JSON.stringify({ message: 'name is required' }) };
    }
    await putItem('table-${i % 9}', { id: event.requestContext.requestId, ...input });
    return { statusCode: 201, headers: CORS_HEADERS, body: JSON.stringify({ id: event.requestContext.requestId }) };
  } catch (error) {
    return { statusCode: 500, headers: CORS_HEADERS, body: JSON.stringify({ message: String(error) }) };
  }
}
`],
  ['ts', 'SQS', () => `import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { logger } from '../../libs/logger.js';

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const batchItemFailures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      const message = JSON.parse(record.body) as { orderId: string };
      logger.info('order', { orderId: message.orderId });
    } catch {
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
`],
  ['ts', 'SNS', () => `import type { SNSHandler } from 'aws-lambda';
import { logger } from '../../libs/logger.js';

export const handler: SNSHandler = async (event) => {
  for (const record of event.Records) {
    logger.info('notification', { subject: record.Sns.Subject, message: record.Sns.Message });
  }
};
`],
  ['ts', 'S3', () => `import type { S3Event } from 'aws-lambda';
import { logger } from '../../libs/logger.js';

export const handler = async (event: S3Event): Promise<void> => {
  const keys = event.Records.map((record) => decodeURIComponent(record.s3.object.key.replace(/\\+/g, ' ')));
  logger.info('uploaded', { keys });
};
`],
  ['ts', 'Schedule', (i) => `import type { ScheduledHandler } from 'aws-lambda';
import { scanExpired } from '../../libs/dynamo.js';

export const handler: ScheduledHandler = async (event) => {
  const expired = await scanExpired('table-${i % 9}', new Date(event.time));
  console.log(\`\${expired.length} expired items\`);
};
`],
  ['ts', 'Api', () => `import middy from '@middy/core';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

const createOrder = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
  const order = event.body as unknown as { items: string[] };
  return { statusCode: 201, body: JSON.stringify({ count: order.items.length }) };
};

export const handler = middy(createOrder).use(httpJsonBodyParser());
`],
  ['ts', 'HttpApi', () => `import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { json } from '../../libs/response.js';

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const page = Number(event.queryStringParameters?.page ?? '1');
  return json(200, { page, items: [] });
};
`],
  ['js', 'Api', (i) => `import { getItem } from '../../libs/dynamo.js';
import { notFound, ok } from '../../libs/http.js';

export const handler = async (event) => {
  const item = await getItem('table-${i % 9}', event.pathParameters.id);
  return item ? ok(item) : notFound('not found');
};
`],
  ['cjs', 'Api', () => `'use strict';

const { getUser } = require('../../libs/users.cjs');

module.exports.handler = (event, context, callback) => {
  getUser(event.pathParameters.userId)
    .then((user) => callback(null, { statusCode: 200, body: JSON.stringify(user) }))
    .catch((error) => callback(error));
};
`],
  ['cjs', 'Api', () => `'use strict';

exports.handler = function (event, context) {
  if (!event.body) {
    context.succeed({ statusCode: 400, body: JSON.stringify({ message: 'empty body' }) });
    return;
  }
  context.succeed({ statusCode: 200, body: event.body });
};
`],
  ['js', 'Url', () => `export const handler = async (event) => {
  const name = event.queryStringParameters?.name ?? 'world';
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/plain' },
    body: \`hello \${name} from \${event.requestContext.http.method}\`,
  };
};
`],
  ['js', 'Api', () => `export const handler = (event) => {
  const body = JSON.parse(event.body || '{}');
  return { statusCode: 200, body: JSON.stringify({ echo: body }) };
};
`],
  ['js', 'Api', () => `export const handler = async (event) => {
  return {
    statusCode: 200,
    headers: { 'Access-Control-Allow-Origin': '*' },
    body: { received: event.httpMethod },
  };
};
`],
  ['ts', 'DynamoDB', () => `import type { DynamoDBStreamHandler } from 'aws-lambda';
import { logger } from '../../libs/logger.js';

export const handler: DynamoDBStreamHandler = async (event) => {
  for (const record of event.Records) {
    if (record.eventName === 'REMOVE') logger.info('removed', { keys: record.dynamodb?.Keys });
  }
};
`],
  ['ts', null, () => `import type { ALBEvent, ALBResult } from 'aws-lambda';

export const handler = async (event: ALBEvent): Promise<ALBResult> => ({
  statusCode: 200,
  statusDescription: '200 OK',
  headers: { 'content-type': 'text/plain' },
  body: event.path,
  isBase64Encoded: false,
});
`],
  ['cjs', 'HttpApi', () => `const { listItems } = require('../../libs/items.cjs');

exports.handler = async (event) => {
  const items = await listItems(event.queryStringParameters?.limit);
  return { items, next: null };
};
`],
  ['ts', null, (i) => `import type { Context } from 'aws-lambda';

interface Input {
  orderId: string;
  amount: number;
}

export const handler = async (input: Input, context: Context): Promise<{ approved: boolean; requestId: string }> => {
  const approved = input.amount < ${1000 + i};
  return { approved, requestId: context.awsRequestId };
};
`],
  ['ts', 'Api', () => `import type { APIGatewayProxyHandler } from 'aws-lambda';
import { error, ok } from '../../libs/response.js';
import { requireUser } from '../../libs/auth.js';

export const handler: APIGatewayProxyHandler = async (event) => {
  const user = requireUser(event.requestContext.authorizer);
  if (!user) return error(401, 'unauthorized');
  return ok({ user });
};
`],
];

const LIBS = {
  'response.ts': `import type { APIGatewayProxyResult } from 'aws-lambda';

const JSON_HEADERS = { 'content-type': 'application/json' };

export const json = (statusCode: number, data: unknown): APIGatewayProxyResult => ({
  statusCode,
  headers: JSON_HEADERS,
  body: JSON.stringify(data),
});

export const ok = (data: unknown): APIGatewayProxyResult => json(200, data);
export const badRequest = (message: string): APIGatewayProxyResult => json(400, { message });
export const notFound = (message: string): APIGatewayProxyResult => json(404, { message });
export const error = (statusCode: number, message: string): APIGatewayProxyResult => json(statusCode, { message });
`,
  'cors.ts': `export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Credentials': true,
};
`,
  'dynamo.ts': `export interface Item {
  id: string;
  [key: string]: unknown;
}

const tables = new Map<string, Map<string, Item>>();

const table = (name: string): Map<string, Item> => {
  let found = tables.get(name);
  if (!found) tables.set(name, (found = new Map()));
  return found;
};

export async function getItem(name: string, id: string): Promise<Item | undefined> {
  return table(name).get(id);
}

export async function putItem(name: string, item: Item): Promise<void> {
  table(name).set(item.id, item);
}

export async function scanExpired(name: string, before: Date): Promise<Item[]> {
  return [...table(name).values()].filter((item) => typeof item.expires === 'number' && item.expires < before.getTime());
}
`,
  'logger.ts': `type Fields = Record<string, unknown>;

const write = (level: string, message: string, fields: Fields = {}) =>
  console.log(JSON.stringify({ level, message, ...fields, time: new Date().toISOString() }));

export const logger = {
  info: (message: string, fields?: Fields) => write('info', message, fields),
  warn: (message: string, fields?: Fields) => write('warn', message, fields),
  error: (message: string, fields?: Fields) => write('error', message, fields),
};
`,
  'validate.ts': `export function parseBody<T>(body: string | null): T {
  if (!body) throw new Error('empty body');
  return JSON.parse(body) as T;
}

export const isEmail = (value: string): boolean => /^[^@\\s]+@[^@\\s]+$/.test(value);
`,
  'auth.ts': `export interface User {
  id: string;
  email: string;
}

export function requireUser(authorizer: Record<string, unknown> | null | undefined): User | undefined {
  const claims = authorizer?.claims as Record<string, string> | undefined;
  if (!claims?.sub) return undefined;
  return { id: claims.sub, email: claims.email ?? '' };
}
`,
  'http.js': `export const ok = (data) => ({ statusCode: 200, body: JSON.stringify(data) });
export const notFound = (message) => ({ statusCode: 404, body: JSON.stringify({ message }) });
`,
  'users.cjs': `exports.getUser = (id) => Promise.resolve({ id, name: 'user ' + id });
`,
  'items.cjs': `exports.listItems = async (limit = 10) => Array.from({ length: Number(limit) }, (_, id) => ({ id }));
`,
};

/** A shared helper module, as repositories grow them: formatting, dates, retries. */
const helper = (i) => `export function formatPrice${i}(cents: number, currency = 'EUR'): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
}

export async function retry${i}<T>(task: () => Promise<T>, attempts = 3): Promise<T> {
  let last: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await task();
    } catch (error) {
      last = error;
    }
  }
  throw last;
}

export const daysBetween${i} = (a: Date, b: Date): number => Math.round((b.getTime() - a.getTime()) / 86_400_000);
`;

const jsHelper = (i) => `export function chunk${i}(items, size) {
  const chunks = [];
  for (let index = 0; index < items.length; index += size) chunks.push(items.slice(index, index + size));
  return chunks;
}

export const pick${i} = (object, keys) => Object.fromEntries(keys.filter((key) => key in object).map((key) => [key, object[key]]));
`;

/** A unit test of a handler, as `sam init` writes them: build an event, call the handler, check the answer. */
const handlerTest = (name, extension) =>
  extension === 'ts'
    ? `import { handler } from '../../src/functions/${name}/index.js';

describe('${name}', () => {
  it('answers', async () => {
    const event = { pathParameters: { id: '1' }, body: '{}', requestContext: { requestId: 'r' } };
    const result = await (handler as unknown as (event: unknown, context: unknown) => Promise<unknown>)(event, {});
    expect(result).toBeDefined();
  });
});
`
    : `import { handler } from '../../src/functions/${name}/index.${extension}';

describe('${name}', () => {
  it('answers', async () => {
    const result = await handler({ pathParameters: { id: '1' }, body: '{}' }, {}, () => {});
    expect(result).toBeDefined();
  });
});
`;

const SHIMS = `declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void | Promise<void>): void;
declare function expect(value: unknown): { toBe(expected: unknown): void; toBeDefined(): void };
`;

/** A SAM function resource for the handler at `name`, triggered by `event`. */
function samFunction(name, event, index) {
  const lines = [
    `  Fn${index}:`,
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    `      CodeUri: src/functions/${name}/`,
    '      Handler: index.handler',
  ];
  if (event === 'Url') {
    lines.push('      FunctionUrlConfig:', '        AuthType: NONE');
  } else if (event) {
    const properties = {
      Api: [`Path: /${name}`, 'Method: get'],
      HttpApi: [`Path: /${name}`, 'Method: get'],
      SQS: ['Queue: !GetAtt Queue.Arn'],
      SNS: ['Topic: !Ref Topic'],
      S3: ['Bucket: !Ref Bucket', 'Events: s3:ObjectCreated:*'],
      Schedule: ['Schedule: rate(1 hour)'],
      DynamoDB: ['Stream: !GetAtt Table.StreamArn', 'StartingPosition: LATEST'],
    }[event];
    lines.push('      Events:', `        ${event}Event:`, `          Type: ${event}`, '          Properties:', ...properties.map((line) => `            ${line}`));
  }
  return lines.join('\n');
}

/**
 * Writes the repository into `dir` and returns its files and which are handlers (relative paths).
 * @param {string} dir
 * @param {number} count
 */
export async function generateServerlessProject(dir, count) {
  await rm(dir, { recursive: true, force: true });
  const files = new Map();
  for (const [name, source] of Object.entries(LIBS)) files.set(`src/libs/${name}`, source);
  const handlerCount = Math.max(HANDLERS.length, Math.round(count * 0.7));
  const resources = [];
  const handlers = [];
  for (let i = 0; i < handlerCount; i++) {
    const [extension, event, source] = HANDLERS[i % HANDLERS.length];
    const name = `fn-${i}`;
    const file = `src/functions/${name}/index.${extension}`;
    files.set(file, source(i));
    handlers.push(file);
    resources.push(samFunction(name, event, i));
  }
  // The rest: a unit test for every other handler, shared helpers for what is left.
  let i = 0;
  while (files.size < count) {
    if (i % 2 === 0 && i < handlerCount) {
      const [extension] = HANDLERS[i % HANDLERS.length];
      files.set(`tests/unit/fn-${i}.test.${extension === 'ts' ? 'ts' : 'js'}`, handlerTest(`fn-${i}`, extension));
    } else if (i % 3 === 0) {
      files.set(`src/libs/helpers/js-helper-${i}.js`, jsHelper(i));
    } else {
      files.set(`src/libs/helpers/helper-${i}.ts`, helper(i));
    }
    i++;
  }
  for (const [file, source] of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), source);
  }
  await writeFile(path.join(dir, 'tests', 'shims.d.ts'), SHIMS);
  await writeFile(
    path.join(dir, 'template.yaml'),
    [
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Description: A generated serverless repository for the benchmark',
      'Globals:',
      '  Function:',
      '    Runtime: nodejs22.x',
      '    Timeout: 10',
      '    MemorySize: 256',
      'Resources:',
      '  Queue:',
      '    Type: AWS::SQS::Queue',
      '  Topic:',
      '    Type: AWS::SNS::Topic',
      '  Bucket:',
      '    Type: AWS::S3::Bucket',
      ...resources,
      '',
    ].join('\n'),
  );
  await writeTypeScriptProject(dir, { name: 'bench-serverless', include: ['src', 'tests'], compilerOptions: { esModuleInterop: true } });
  return { files: [...files.keys()], handlers };
}
