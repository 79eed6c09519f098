// The editor's cost: the VS Code ESLint language server (the one the repository's editor tests drive,
// through tests/support/lsp-client.ts) on a serverless repository with the README's typed set-up,
// timed from an edit of a 300-line typed handler file to its new diagnostics, with our rules and
// without them.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { generateServerlessProject } from './generate-serverless.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The language server client of the editor tests, as JavaScript: it is TypeScript, and Node.js 20
 * runs no TypeScript, so it is transpiled (types dropped, nothing else changed) next to the benchmark.
 */
async function loadLanguageServerClient() {
  const source = readFileSync(path.join(here, '..', 'tests', 'support', 'lsp-client.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const scratch = path.join(here, '.scratch');
  mkdirSync(scratch, { recursive: true });
  const file = path.join(scratch, 'lsp-client.js');
  writeFileSync(file, outputText);
  return import(pathToFileURL(file).href);
}

/** A router handler of about 300 lines: 16 routes, each a function building its response, one of them wrong. */
export function largeHandler(limit = 10) {
  const routes = Array.from({ length: 16 }, (_, index) => {
    const body =
      index === 7
        ? `{ id, items: order.items }`
        : `JSON.stringify({ id, items: order.items.slice(0, ${index === 3 ? 'limit' : index + 1}), total: order.total })`;
    return [
      `async function route${index}(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {`,
      ...(index === 3 ? [`  const limit = ${limit};`] : []),
      `  const id = event.pathParameters?.id;`,
      `  if (!id) {`,
      `    return { statusCode: 400, headers: CORS_HEADERS, body: JSON.stringify({ message: 'id is required' }) };`,
      `  }`,
      `  const order = (await getItem('orders-${index}', id)) as unknown as Order | undefined;`,
      `  if (!order) return json(404, { message: \`no order \${id}\` });`,
      `  logger.info('route ${index}', { id, count: order.items.length });`,
      `  return {`,
      `    statusCode: 200,`,
      `    headers: { ...CORS_HEADERS, 'content-type': 'application/json' },`,
      `    body: ${body},`,
      `  };`,
      `}`,
      ``,
    ];
  });
  return [
    `import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';`,
    `import { CORS_HEADERS } from '../../libs/cors.js';`,
    `import { getItem } from '../../libs/dynamo.js';`,
    `import { logger } from '../../libs/logger.js';`,
    `import { json } from '../../libs/response.js';`,
    ``,
    `interface Order {`,
    `  id: string;`,
    `  items: string[];`,
    `  total: number;`,
    `}`,
    ``,
    ...routes.flat(),
    `export const handler = async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {`,
    `  switch (event.resource) {`,
    ...routes.flatMap((_, index) => [`    case '/orders/${index}/{id}':`, `      return route${index}(event);`]),
    `    default:`,
    `      return { statusCode: 404, headers: CORS_HEADERS, body: JSON.stringify({ message: 'no route' }) };`,
    `  }`,
    `};`,
    ``,
  ].join('\n');
}

/**
 * The servers compared, in pairs: the README's typed set-up with no rule of its own, then beside a
 * type-aware rule (no-floating-promises), whose questions to the checker ours may share; each without
 * and with `aws-lambda/recommended`.
 */
export const EDITOR_SETUPS = [
  { name: 'typed set-up', ours: false, floating: false },
  { name: 'typed set-up + aws-lambda/recommended', ours: true, floating: false },
  { name: 'typed set-up + no-floating-promises', ours: false, floating: true },
  { name: 'typed set-up + no-floating-promises + aws-lambda/recommended', ours: true, floating: true },
];

const eslintConfig = ({ ours, floating }) => `import { defineConfig } from 'eslint/config';
import awsLambda from 'eslint-plugin-aws-lambda';
import tseslint from 'typescript-eslint';

export default defineConfig([
  {
    files: ['**/*.{ts,js}'],
    extends: [tseslint.configs.base${ours ? ", 'aws-lambda/recommended'" : ''}],
    plugins: { 'aws-lambda': awsLambda },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },${floating ? "\n    rules: { '@typescript-eslint/no-floating-promises': 'error' }," : ''}
  },
]);
`;

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const percentile = (numbers, share) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
};

/**
 * Edits the large handler `edits` times in a fresh language server, once without our rules and once
 * with them, and returns the times from each edit to its diagnostics.
 * @param {{ edits: number, files?: number, log?: (text: string) => void }} options
 */
export async function measureEditor({ edits, files = 500, log = () => {} }) {
  const { EslintLanguageServer } = await loadLanguageServerClient();
  // Below the repository, without a package.json of its own: `eslint-plugin-aws-lambda` resolves to
  // this package (a package may import itself by name), ESLint and TypeScript to its node_modules.
  const workspace = path.join(here, 'project-editor');
  const project = await generateServerlessProject(workspace, files);
  rmSync(path.join(workspace, 'package.json'));
  const file = path.join(workspace, 'src', 'functions', 'fn-0', 'index.ts');
  writeFileSync(file, largeHandler());
  const measured = [];
  for (const setup of EDITOR_SETUPS) {
    writeFileSync(path.join(workspace, 'eslint.config.mjs'), eslintConfig(setup));
    const server = new EslintLanguageServer(workspace);
    try {
      await server.initialize();
      let start = performance.now();
      const opened = await server.open(file, largeHandler(), 'typescript');
      const first = performance.now() - start;
      const times = [];
      let diagnostics = opened;
      // Two edits to warm up, then the measured ones.
      for (let edit = 0; edit < edits + 2; edit++) {
        const text = largeHandler(11 + edit);
        start = performance.now();
        diagnostics = await server.change(file, text);
        if (edit >= 2) times.push(performance.now() - start);
        log(`\reditor, ${setup.name}: edit ${edit + 1}/${edits + 2}`);
      }
      log('\n');
      measured.push({
        ...setup,
        diagnostics: diagnostics.filter((diagnostic) => String(diagnostic.code?.value ?? diagnostic.code ?? '').startsWith('aws-lambda/')).length,
        first,
        median: median(times),
        p90: percentile(times, 0.9),
      });
    } finally {
      await server.close();
    }
  }
  return { setups: measured, edits, lines: largeHandler().split('\n').length - 1, projectFiles: project.files.length };
}
