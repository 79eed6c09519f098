import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../rule-tester.js';
import { e2eRoot, eslintBin, repositoryRoot, scratchDirectory } from '../support/e2e-root.js';

let scratch = '';

beforeAll(async () => {
  scratch = await scratchDirectory('eslint-cli-');
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; line: number; column: number; message: string; severity: number }[];
}

function eslint(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [eslintBin, '--format', 'json', ...args], { cwd, encoding: 'utf8' });
  const reports = result.stdout ? (JSON.parse(result.stdout) as JsonResult[]) : [];
  return {
    status: result.status,
    stderr: result.stderr,
    reports: reports
      .flatMap((file) => file.messages.map((message) => `${path.relative(cwd, file.filePath)}:${message.line}:${message.column} ${message.severity} ${message.ruleId ?? ''}`))
      .sort(),
  };
}

async function contents(dir: string): Promise<Record<string, string>> {
  const files = (await readdir(dir, { recursive: true })).filter((file) => /\.(?:[cm]?js|ts)$/u.test(file)).sort();
  return Object.fromEntries(await Promise.all(files.map(async (file) => [file, await readFile(path.join(dir, file), 'utf8')] as const)));
}

describe('eslint --fix on a project with the README typed-linting set-up', () => {
  let project = '';
  beforeAll(async () => {
    project = path.join(scratch, 'typed');
    await cp(path.join(fixturesDir, 'editor-project'), project, { recursive: true });
  });

  it('reports, fixes, and a second --fix changes nothing', async () => {
    const before = eslint(project, '.');
    expect(before.status).toBe(1);
    expect(before.reports).toEqual([
      'handlers/api.ts:5:35 2 aws-lambda/valid-proxy-response',
      'handlers/callback.js:1:41 2 aws-lambda/no-callback-handler',
      'handlers/legacy.js:1:24 2 aws-lambda/require-async-handler',
    ]);
    const fixed = eslint(project, '--fix', '.');
    // The callback handler's conversion is a suggestion: --fix leaves it, and the exit code says so.
    expect(fixed.status).toBe(1);
    expect(fixed.reports).toEqual(['handlers/callback.js:1:41 2 aws-lambda/no-callback-handler']);
    expect(await contents(project)).toEqual({
      'eslint.config.mjs': await readFile(path.join(fixturesDir, 'editor-project', 'eslint.config.mjs'), 'utf8'),
      'handlers/api.ts': `import type { APIGatewayProxyHandler } from 'aws-lambda';\n\nexport const handler: APIGatewayProxyHandler = async (event) => {\n  const item = { id: event.pathParameters?.id ?? 'none' };\n  return { statusCode: 200, body: JSON.stringify(item) };\n};\n`,
      'handlers/callback.js': `export const handler = (event, context, callback) => {\n  callback(null, { statusCode: 200, body: event.path });\n};\n`,
      'handlers/legacy.js': `export const handler = async (event) => {\n  return { statusCode: 200, body: JSON.stringify({ method: event.httpMethod }) };\n};\n`,
    });
    const snapshot = await contents(project);
    const again = eslint(project, '--fix', '.');
    expect(again.status).toBe(1);
    expect(await contents(project)).toEqual(snapshot);
  }, 120_000);

  it('--cache (cold and warm) and --concurrency auto report what a plain run reports', () => {
    const plain = eslint(project, '.').reports;
    const cacheLocation = path.join(scratch, 'eslintcache');
    expect(eslint(project, '--cache', '--cache-location', cacheLocation, '.').reports).toEqual(plain);
    expect(eslint(project, '--cache', '--cache-location', cacheLocation, '.').reports).toEqual(plain);
    expect(eslint(project, '--concurrency', 'auto', '.').reports).toEqual(plain);
    expect(eslint(project, '--concurrency', '2', '.').reports).toEqual(plain);
  }, 120_000);
});

const HANDLERS = {
  // No statusCode: reported only by the strict config's requireStatusCode.
  'rest.mjs': `export const handler = async (event) => ({ body: JSON.stringify({ path: event.path }) });\n`,
  // A callback handler: the company's runtime is nodejs22.x, so no-callback-handler is silent, and
  // valid-callback is turned down to a warning.
  'legacy.cjs': `exports.handler = (event, context, callback) => {\n  callback({ statusCode: 200, body: event.httpMethod });\n};\n`,
};

describe('shared configs', () => {
  it('a company config built on ours, consumed through extends', async () => {
    const project = path.join(scratch, 'acme-consumer');
    await mkdir(path.join(project, 'node_modules', '@acme'), { recursive: true });
    await cp(path.join(fixturesDir, 'shared-config', 'acme-eslint-config'), path.join(project, 'node_modules', '@acme', 'eslint-config'), { recursive: true });
    // The plugin as the consumer has it: the packed package in the version matrix, else this repository.
    const plugin = e2eRoot === repositoryRoot ? repositoryRoot : path.join(e2eRoot, 'node_modules', 'eslint-plugin-aws-lambda');
    await symlink(plugin, path.join(project, 'node_modules', 'eslint-plugin-aws-lambda'), 'dir');
    await writeFile(
      path.join(project, 'eslint.config.mjs'),
      `import acme from '@acme/eslint-config';\nimport { defineConfig } from 'eslint/config';\n\nexport default defineConfig([{ extends: [acme] }]);\n`,
    );
    for (const [file, text] of Object.entries(HANDLERS)) await writeFile(path.join(project, file), text);
    const result = eslint(project, '.');
    expect(result.stderr).toBe('');
    expect(result.reports).toEqual(['legacy.cjs:2:12 1 aws-lambda/valid-callback', 'rest.mjs:1:42 2 aws-lambda/valid-proxy-response']);
  }, 60_000);

  it.each([
    ['an ESM config spreading configs.recommended', 'eslint.config.mjs', `import awsLambda from 'eslint-plugin-aws-lambda';\n\nexport default [awsLambda.configs.recommended];\n`],
    ['a CommonJS config that requires the plugin', 'eslint.config.cjs', `const awsLambda = require('eslint-plugin-aws-lambda');\n\nmodule.exports = [awsLambda.configs.recommended];\n`],
    [
      'extends by name inside defineConfig',
      'eslint.config.mjs',
      `import awsLambda from 'eslint-plugin-aws-lambda';\nimport { defineConfig } from 'eslint/config';\n\nexport default defineConfig([{ plugins: { 'aws-lambda': awsLambda }, extends: ['aws-lambda/recommended'] }]);\n`,
    ],
  ])('%s', async (_name, configFile, configText) => {
    const project = await mkdtemp(path.join(scratch, 'consumer-'));
    await writeFile(path.join(project, configFile), configText);
    for (const [file, text] of Object.entries(HANDLERS)) await writeFile(path.join(project, file), text);
    const result = eslint(project, '.');
    expect(result.stderr).toBe('');
    // recommended: no requireStatusCode, both runtime lines checked.
    expect(result.reports).toEqual(['legacy.cjs:1:36 2 aws-lambda/no-callback-handler', 'legacy.cjs:2:12 2 aws-lambda/valid-callback']);
  }, 60_000);
});

describe('eslint --cache and the deployment descriptor', () => {
  it('lints again after the template changes the runtime', async () => {
    const project = await mkdtemp(path.join(scratch, 'cache-'));
    await mkdir(path.join(project, 'hello'));
    await writeFile(
      path.join(project, 'eslint.config.js'),
      `import awsLambda from 'eslint-plugin-aws-lambda';\nexport default [{ files: ['**/*.cjs'], ...awsLambda.configs.recommended, languageOptions: { sourceType: 'commonjs' } }];\n`,
    );
    const template = (runtime: string) =>
      `Resources:\n  Hello:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: hello/\n      Handler: app.handler\n      Runtime: ${runtime}\n      Events:\n        Get:\n          Type: Api\n`;
    await writeFile(path.join(project, 'template.yaml'), template('nodejs22.x'));
    await writeFile(path.join(project, 'hello', 'app.cjs'), `exports.handler = (event, context, callback) => {\n  callback(null, { statusCode: 200, body: 'ok' });\n};\n`);
    const cacheLocation = path.join(project, '.eslintcache');
    // nodejs22.x still runs callback handlers.
    expect(eslint(project, '--cache', '--cache-location', cacheLocation, '.').reports).toEqual([]);
    await writeFile(path.join(project, 'template.yaml'), template('nodejs24.x'));
    // The handler file is unchanged; the template's digest in the config makes ESLint lint it again.
    expect(eslint(project, '--cache', '--cache-location', cacheLocation, '.').reports).toEqual(['hello/app.cjs:1:36 2 aws-lambda/no-callback-handler']);
  }, 120_000);
});
