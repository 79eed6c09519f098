import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';

// CDK apps laid out as `cdk init` lays them out (`bin/`, `lib/`, a folder of function code), linted end
// to end with the `recommended` config as a new user lints them: with and without type information,
// and with the descriptors turned off, to show what the CDK source adds.
const dir = path.join(fixturesDir, 'repos');
const scratch = path.join(import.meta.dirname, '..', '.tmp');
mkdirSync(scratch, { recursive: true });
const lint = async (folder: string, options: { typed: boolean; descriptors?: boolean }): Promise<string[]> => {
  const config: Linter.Config[] = [
    { files: ['**/*.{js,mjs,cjs,ts}'], ...plugin.configs.recommended },
    { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser, parserOptions: options.typed ? { projectService: true, tsconfigRootDir: dir } : {} },
    },
    { settings: { 'aws-lambda': { descriptors: options.descriptors ?? true } } },
  ];
  const results = await new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config }).lintFiles([folder]);
  return results.flatMap((result) =>
    result.messages.map(
      (message) => `${path.relative(dir, result.filePath)}:${message.line} ${message.ruleId ?? 'parser'} ${message.messageId ?? message.message}`,
    ),
  );
};

describe.each([false, true])('CDK apps, typed: %s', (typed) => {
  it('lambda.Function + LambdaRestApi (TypeScript app): REST and nodejs22.x for the assets under lambda/', async () => {
    expect(await lint('cdk-rest-api', { typed })).toEqual([
      // LambdaRestApi: REST refuses the HTTP API's `cookies`.
      'cdk-rest-api/lambda/items.js:4 aws-lambda/valid-proxy-response unknownKey',
      // audit.js: a callback handler on the nodejs22.x the stack gives it, where callbacks work.
    ]);
    expect(await lint('cdk-rest-api', { typed, descriptors: false })).toEqual([
      // Without the app, its runtime is unknown, and Node.js 24 would refuse it.
      'cdk-rest-api/lambda/audit.js:2 aws-lambda/no-callback-handler callbackHandler',
      'cdk-rest-api/lambda/items.js:4 aws-lambda/valid-proxy-response unknownKey',
    ]);
  });

  it('NodejsFunction + HttpLambdaIntegration with NODEJS_LATEST: nodejs24.x from the installed aws-cdk-lib', async () => {
    expect(await lint('cdk-http-api', { typed })).toEqual([
      // `entry: 'lambda/orders.ts', handler: 'list'` on NODEJS_LATEST, which aws-cdk-lib 2.262.0 makes
      // nodejs24.x: the callback handler fails at start-up.
      'cdk-http-api/lambda/orders.ts:1 aws-lambda/no-callback-handler callbackHandler',
      // No entry: CDK's default `<stack file>.<id>.ts`; HTTP API payload 2.0 makes this object the body.
      'cdk-http-api/lib/http-api-stack.health.ts:2 aws-lambda/valid-proxy-response missingStatusCodeV2',
    ]);
    // Without the app, `list` is not a handler and nothing says the health check is behind an HTTP API.
    expect(await lint('cdk-http-api', { typed, descriptors: false })).toEqual([]);
  });

  it('an SqsEventSource (JavaScript app, CommonJS): the worker answers no HTTP request', async () => {
    expect(await lint('cdk-queue', { typed })).toEqual([]);
    expect(await lint('cdk-queue', { typed, descriptors: false })).toEqual([
      'cdk-queue/functions/worker.js:6 aws-lambda/valid-proxy-response bodyNotString',
    ]);
  });
});

describe('a CDK app whose source does not parse', () => {
  const warnings: Error[] = [];
  const listener = (warning: Error) => warnings.push(warning);
  afterEach(() => {
    process.off('warning', listener);
    vi.useRealTimers();
  });

  it('gives nothing and one warning, and is read again once the file that failed is fixed', async () => {
    const app = mkdtempSync(path.join(scratch, 'cdk-broken-'));
    onTestFinished(() => {
      rmSync(app, { recursive: true, force: true });
    });
    cpSync(path.join(dir, 'cdk-rest-api'), app, { recursive: true });
    writeFileSync(path.join(app, '.git'), '');
    const stackFile = path.join(app, 'lib', 'rest-api-stack.ts');
    const stackSource = readFileSync(stackFile, 'utf8');
    writeFileSync(stackFile, `${stackSource}\nexport class {`);
    const lintApp = async () => {
      const results = await new ESLint({ cwd: app, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.js'], ...plugin.configs.recommended }] }).lintFiles(['lambda']);
      return results.flatMap((result) => result.messages.map((message) => `${path.relative(app, result.filePath)}:${message.line} ${message.messageId ?? message.message}`));
    };
    process.on('warning', listener);
    // Without the app, the callback handler could be on Node.js 24.
    const withoutApp = ['lambda/audit.js:2 callbackHandler', 'lambda/items.js:4 unknownKey'];
    expect(await lintApp()).toEqual(withoutApp);
    expect(await lintApp()).toEqual(withoutApp);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((warning) => warning.message.includes(app)).map((warning) => warning.message)).toEqual([
      `eslint-plugin-aws-lambda: ${path.join(app, 'cdk.json')} could not be read, so nothing is taken from it (rest-api-stack.ts:27: '}' expected.)`,
    ]);

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    writeFileSync(stackFile, stackSource);
    utimesSync(stackFile, new Date(), new Date(Date.now() + 5_000));
    expect(await lintApp()).toEqual(['lambda/items.js:4 unknownKey']);
  });
});
