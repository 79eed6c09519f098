// Writes a realistic project for the benchmark: N files, about 5% of them Lambda handlers of every
// style and integration, the rest ordinary TypeScript and JavaScript modules (services, utilities,
// React components, tests), with a tsconfig for typed linting. Deterministic for a given N.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const HANDLERS = [
  // [file extension, source] — every style and integration.
  ['ts', (i) => `import type { APIGatewayProxyHandler } from 'aws-lambda';
import { findItem } from '../services/service-${i % 7}.js';

export const handler: APIGatewayProxyHandler = async (event) => {
  const id = event.pathParameters?.id ?? '';
  const item = await findItem(id);
  if (!item) return { statusCode: 404, body: JSON.stringify({ message: 'not found' }) };
  return { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(item) };
};
`],
  ['ts', () => `import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';

export const handler: APIGatewayProxyHandlerV2 = async (event) => ({
  statusCode: 200,
  cookies: ['session=1; HttpOnly'],
  body: JSON.stringify({ path: event.rawPath, method: event.requestContext.http.method }),
});
`],
  ['ts', () => `import type { ALBHandler } from 'aws-lambda';

export const handler: ALBHandler = async (event) => ({
  statusCode: 200,
  statusDescription: '200 OK',
  headers: { 'content-type': 'text/plain' },
  body: event.path,
  isBase64Encoded: false,
});
`],
  ['ts', () => `import type { SQSHandler } from 'aws-lambda';

export const handler: SQSHandler = async (event) => {
  for (const record of event.Records) JSON.parse(record.body);
};
`],
  ['js', (i) => `const { findItem } = require('../services/legacy-${i % 5}.cjs');

exports.handler = (event, context, callback) => {
  findItem(event.pathParameters.id).then((item) => {
    callback(null, { statusCode: 200, body: JSON.stringify(item) });
  }, (error) => callback(error));
};
`],
  ['js', () => `exports.handler = function (event, context) {
  if (!event.body) {
    context.fail(new Error('no body'));
    return;
  }
  context.succeed({ statusCode: 200, body: event.body });
};
`],
  ['js', () => `const responder = {
  ok: (data) => ({ statusCode: 200, headers: { 'Access-Control-Allow-Origin': '*' }, body: JSON.stringify(data) }),
};

module.exports.handler = async (event) => responder.ok({ method: event.httpMethod });
`],
  ['js', () => `export const handler = (event) => {
  return { statusCode: 200, body: { missing: 'async and stringify' } };
};
`],
];

const service = (i) => `export interface Item {
  id: string;
  name: string;
  price: number;
}

const cache = new Map<string, Item>();

export async function findItem(id: string): Promise<Item | undefined> {
  if (cache.has(id)) return cache.get(id);
  const item: Item = { id, name: \`item \${id}\`, price: ${i} };
  cache.set(id, item);
  return item;
}

export class Service${i} {
  private readonly items: Item[] = [];

  async list(limit = 10): Promise<Item[]> {
    return this.items.slice(0, limit);
  }

  async add(item: Item): Promise<void> {
    this.items.push(item);
  }

  total(): number {
    return this.items.reduce((sum, item) => sum + item.price, 0);
  }
}
`;

const legacy = () => `exports.findItem = (id) => Promise.resolve({ id, name: 'legacy' });
exports.handlerFor = (name) => (req, res) => res.send({ body: name });
`;

const utility = (i) => `import type { APIGatewayProxyEvent } from 'aws-lambda';

export const userId${i} = (event: APIGatewayProxyEvent): string => event.requestContext.accountId;

export function clamp${i}(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

export const formatPrice${i} = (cents: number, currency = 'EUR'): string =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);

export function groupBy${i}<T, K extends string>(items: readonly T[], key: (item: T) => K): Record<K, T[]> {
  const groups = {} as Record<K, T[]>;
  for (const item of items) (groups[key(item)] ??= []).push(item);
  return groups;
}

export function handler(signal: NodeJS.Signals): void {
  console.log('signal', signal);
}
`;

const jsUtility = (i) => `export function debounce${i}(fn, wait) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}

export const onKey = (event) => {
  event.preventDefault();
  return { key: event.key, code: event.keyCode };
};

export function parse${i}(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error };
  }
}
`;

const component = (i) => `import { useState } from 'react';

export function Counter${i}({ start = 0 }: { start?: number }) {
  const [count, setCount] = useState(start);
  const handler = () => setCount(count + 1);
  return <button onClick={handler}>{count}</button>;
}
`;

const testFile = (i) => `import { clamp${i % 50} } from '../utils/util-${i % 50}.js';

describe('clamp', () => {
  it('keeps values in range', () => {
    expect(clamp${i % 50}(5, 0, 3)).toBe(3);
  });
});
`;

const SHIMS = `declare module 'react' {
  export function useState<T>(initial: T): [T, (value: T) => void];
}
declare namespace JSX {
  interface IntrinsicElements {
    [name: string]: unknown;
  }
}
declare function describe(name: string, body: () => void): void;
declare function it(name: string, body: () => void): void;
declare function expect(value: unknown): { toBe(expected: unknown): void };
`;

/**
 * Writes the project into `dir` and returns which files are handlers (relative paths).
 * @param {string} dir
 * @param {number} count
 */
export async function generateProject(dir, count) {
  await rm(dir, { recursive: true, force: true });
  for (const folder of ['handlers', 'services', 'utils', 'components', 'tests']) {
    await mkdir(path.join(dir, 'src', folder), { recursive: true });
  }
  const files = new Map();
  const handlerCount = Math.max(HANDLERS.length, Math.round(count * 0.05));
  for (let i = 0; i < handlerCount; i++) {
    const [extension, source] = HANDLERS[i % HANDLERS.length];
    files.set(`src/handlers/handler-${i}.${extension}`, source(i));
  }
  for (let i = 0; i < 7; i++) files.set(`src/services/service-${i}.ts`, service(i));
  for (let i = 0; i < 5; i++) files.set(`src/services/legacy-${i}.cjs`, legacy());
  for (let j = 0; j < 50; j++) files.set(`src/utils/util-${j}.ts`, utility(j));
  let i = 0;
  while (files.size < count) {
    const kind = i % 5;
    if (kind === 0) files.set(`src/services/service-x${i}.ts`, service(i));
    else if (kind === 1) files.set(`src/utils/util-${i + 50}.ts`, utility(i + 50));
    else if (kind === 2) files.set(`src/utils/js-util-${i}.js`, jsUtility(i));
    else if (kind === 3) files.set(`src/components/component-${i}.tsx`, component(i));
    else files.set(`src/tests/test-${i}.test.ts`, testFile(i));
    i++;
  }
  for (const [file, source] of files) await writeFile(path.join(dir, file), source);
  await writeFile(path.join(dir, 'src', 'shims.d.ts'), SHIMS);
  await writeTypeScriptProject(dir, { name: 'bench-project', include: ['src'], compilerOptions: { jsx: 'preserve' } });
  return { files: [...files.keys()], handlers: [...files.keys()].filter((file) => file.startsWith('src/handlers/')) };
}

/**
 * The tsconfig.json and package.json of a generated project: ES modules, strict TypeScript with the
 * JavaScript files in the program (not checked), the Node.js and aws-lambda types.
 * @param {string} dir
 * @param {{ name: string, include: string[], compilerOptions?: Record<string, unknown> }} project
 */
export async function writeTypeScriptProject(dir, { name, include, compilerOptions = {} }) {
  const options = {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    allowJs: true,
    checkJs: false,
    noEmit: true,
    skipLibCheck: true,
    types: ['node', 'aws-lambda'],
    ...compilerOptions,
  };
  await writeFile(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, include }, null, 2));
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
}
