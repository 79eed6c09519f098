import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { descriptorStats } from '../../src/analysis/descriptors/index.js';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';
import { scratchDirectory } from '../support/e2e-root.js';

const dir = path.join(fixturesDir, 'descriptors');
const lint = async (files: string[], settings: Record<string, unknown> = {}) => {
  const config: Linter.Config[] = [
    { files: ['**/*.{js,mjs,cjs}'], ...plugin.configs.all, settings: { 'aws-lambda': settings } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ];
  const results = await new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config }).lintFiles(files);
  return results.flatMap((result) =>
    result.messages.map((message) => `${path.relative(dir, result.filePath)}:${message.line} ${message.ruleId ?? ''} ${message.messageId ?? ''}`),
  );
};

describe('a SAM template (the hello-world app and more)', () => {
  it('names the handlers, their runtime and their integration', async () => {
    expect(await lint(['sam-app'])).toEqual([
      // HttpApi: payload 2.0; the function says nodejs24.x, so a missing async would not matter.
      'sam-app/functions/items.mjs:1 aws-lambda/valid-proxy-response missingStatusCodeV2',
      // HttpApi with PayloadFormatVersion 1.0: statusCode is required.
      'sam-app/functions/items.mjs:6 aws-lambda/valid-proxy-response missingStatusCode',
      // FunctionUrlConfig: a Function URL ignores multiValueHeaders.
      'sam-app/functions/url.mjs:3 aws-lambda/valid-proxy-response multiValueIgnored',
      // Api (REST) on nodejs22.x from Globals: `lambdaHandler` is a handler though not named `handler`.
      'sam-app/hello-world/app.mjs:2 aws-lambda/require-async-handler returnsWithoutAsync',
      'sam-app/hello-world/app.mjs:5 aws-lambda/valid-proxy-response bodyNotString',
      // queue.mjs: an SQS consumer answers no HTTP response, so nothing is reported.
    ]);
  });

  it('the runtime message names the runtime the template gives', async () => {
    const results = await new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.all] }).lintFiles(['sam-app/hello-world/app.mjs']);
    expect(results[0]?.messages[0]?.message).toContain('on nodejs22.x the Lambda runtime ignores the returned value');
  });

  it('explicit settings win over the template', async () => {
    expect(await lint(['sam-app/hello-world'], { runtime: 'nodejs24.x', integration: 'http-v2' })).toEqual([
      'sam-app/hello-world/app.mjs:5 aws-lambda/valid-proxy-response bodyNotString',
    ]);
  });

  it('descriptors: false turns the reading off', async () => {
    expect(await lint(['sam-app'], { descriptors: false })).toEqual([]);
  });
});

describe('a serverless.yml', () => {
  it('maps http, httpApi, alb and url functions, with per-function runtimes', async () => {
    expect(await lint(['serverless-app'])).toEqual([
      // alb with multiValueHeaders: true answers 502 for `headers`.
      'serverless-app/src/alb.mjs:3 aws-lambda/valid-proxy-response albHeadersField',
      // http (REST) on the provider's nodejs20.x, deprecated since 2026-04-30: the function must move,
      // and Node.js 24 refuses its callback handler; its unknown key answers 502 already.
      'serverless-app/src/handlers/user.cjs:1 aws-lambda/no-callback-handler callbackHandler',
      'serverless-app/src/handlers/user.cjs:2 aws-lambda/valid-proxy-response unknownKey',
      // httpApi with runtime: nodejs24.x: a callback handler is refused at start-up.
      'serverless-app/src/handlers/user.cjs:5 aws-lambda/no-callback-handler callbackHandler',
      // url: true, without statusCode.
      'serverless-app/src/url.mjs:1 aws-lambda/valid-proxy-response missingStatusCodeV2',
    ]);
  });
});

describe('a deprecated runtime in a descriptor', () => {
  it('checks both runtime lines and says that the function must move', async () => {
    const results = await new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: [plugin.configs.all, { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } }] }).lintFiles([
      'serverless-app/src/handlers/user.cjs',
    ]);
    expect(results[0]?.messages[0]?.message).toBe(
      'nodejs20.x is deprecated since 2026-04-30, so this function must move to nodejs22.x or nodejs24.x, and on the move: Node.js 24 and later refuse this handler at start-up (Runtime.CallbackHandlerDeprecated): a handler with a third parameter is a callback handler, async or not. Make the handler async: return the response and throw errors instead of calling the callback.',
    );
  });
});

describe('a descriptor that does not parse', () => {
  const warnings: Error[] = [];
  const listener = (warning: Error) => warnings.push(warning);
  afterEach(() => {
    process.off('warning', listener);
  });

  it('gives nothing, and one warning names it, however many files are linted', async () => {
    process.on('warning', listener);
    expect(await lint(['broken-app'])).toEqual([]);
    expect(await lint(['broken-app/app.mjs'])).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    const ours = warnings.filter((warning) => warning.message.includes('broken-app'));
    expect(ours.map((warning) => warning.message)).toEqual([
      `eslint-plugin-aws-lambda: ${path.join(dir, 'broken-app', 'template.yaml')} could not be read, so nothing is taken from it (unexpected end of the stream within a flow collection (7:1))`,
    ]);
  });

  it('is read again once it changes (checked again after two seconds)', async () => {
    const template = path.join(dir, 'broken-app', 'template.yaml');
    const original = readFileSync(template, 'utf8');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 60_000);
      writeFileSync(template, 'Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: app.main\n      Events:\n        Get:\n          Type: Api\n');
      utimesSync(template, new Date(), new Date(Date.now() + 5_000));
      expect(await lint(['broken-app'])).toEqual([
        'broken-app/app.mjs:2 aws-lambda/require-async-handler returnsWithoutAsync',
        'broken-app/app.mjs:2 aws-lambda/valid-proxy-response bodyNotString',
      ]);
      // Within the two seconds, the parse in memory is trusted.
      vi.setSystemTime(Date.now() + 1_000);
      writeFileSync(template, original);
      expect(await lint(['broken-app'])).toHaveLength(2);
    } finally {
      writeFileSync(template, original);
      vi.useRealTimers();
    }
  });
});

describe('a cookiecutter template (the form `sam init` templates have before generation)', () => {
  it('is read without the YAML library printing its own warnings into the lint output', async () => {
    const warnings: string[] = [];
    const listener = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listener);
    try {
      // `{{ cookiecutter.function_name }}:` is a key that YAML reads as a map: the library warns that it
      // stringifies it, unless told to be silent.
      expect(await lint(['cookiecutter'])).toEqual([
        'cookiecutter/{{cookiecutter.project_name}}/hello_world/app.mjs:1 aws-lambda/valid-proxy-response bodyNotString',
      ]);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', listener);
    }
    expect(warnings.filter((message) => message.includes('Keys with collection values'))).toEqual([]);
  });
});

describe('a repository with a folder per function', () => {
  it('does not list the folder of a function that a descriptor above names, and still reads a descriptor beside a file', async () => {
    const root = await scratchDirectory('folder-per-function-');
    try {
      const write = (file: string, text: string) => {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      };
      mkdirSync(path.join(root, '.git'));
      const sam = (name: string) =>
        `  ${name}:\n    Type: AWS::Serverless::Function\n    Properties:\n      CodeUri: src/functions/${name}/\n      Handler: index.handler\n      Runtime: nodejs22.x\n      Events:\n        Get:\n          Type: Api\n          Properties: { Path: /${name}, Method: get }\n`;
      write('template.yaml', `Resources:\n${sam('first')}${sam('second')}`);
      write('src/functions/first/index.mjs', 'export const handler = async () => ({ statusCode: 200, body: { first: true } });\n');
      write('src/functions/second/index.mjs', 'export const handler = async () => ({ statusCode: 200, body: { second: true } });\n');
      // A service of its own, with its serverless.yml beside its handler: its folder is listed.
      write('services/jobs/serverless.yml', 'service: jobs\nprovider:\n  name: aws\n  runtime: nodejs22.x\nfunctions:\n  run:\n    handler: handler.run\n    events:\n      - httpApi: GET /run\n');
      write('services/jobs/handler.mjs', 'export const run = async () => ({ body: "done" });\n');
      descriptorStats.listings.clear();
      const config: Linter.Config[] = [{ files: ['**/*.mjs'], ...plugin.configs.all }];
      const results = await new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config }).lintFiles(['.']);
      expect(
        results.flatMap((result) => result.messages.map((message) => `${path.relative(root, result.filePath)}:${message.line} ${message.messageId ?? ''}`)),
      ).toEqual([
        // `run` is a handler only because the serverless.yml beside it names it (HTTP API, payload 2.0).
        'services/jobs/handler.mjs:1 missingStatusCodeV2',
        'src/functions/first/index.mjs:1 bodyNotString',
        'src/functions/second/index.mjs:1 bodyNotString',
      ]);
      const listed = [...descriptorStats.listings.keys()].filter((folder) => folder.startsWith(root)).map((folder) => path.relative(root, folder) || '.');
      expect(listed.sort()).toEqual(['.', 'services', 'services/jobs', 'src', 'src/functions']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('rechecks a listed folder with a stat of it, and lists it again only when an entry was added or removed', async () => {
    const root = await scratchDirectory('folder-recheck-');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      mkdirSync(path.join(root, '.git'));
      mkdirSync(path.join(root, 'src'));
      writeFileSync(path.join(root, 'src', 'app.mjs'), 'export const run = async () => ({ body: "done" });\n');
      const config: Linter.Config[] = [{ files: ['**/*.mjs'], ...plugin.configs.all }];
      const lintRoot = async () => {
        const results = await new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config }).lintFiles(['.']);
        return results.flatMap((result) => result.messages.map((message) => `${path.relative(root, result.filePath)}:${message.line} ${message.messageId ?? ''}`));
      };
      const listings = () =>
        Object.fromEntries([...descriptorStats.listings].filter(([folder]) => folder.startsWith(root)).map(([folder, count]) => [path.relative(root, folder) || '.', count]));
      descriptorStats.listings.clear();
      // `run` is no handler's name, and no descriptor names it.
      expect(await lintRoot()).toEqual([]);
      expect(listings()).toEqual({ '.': 1, src: 1 });
      // Long after the two seconds, nothing changed: the folders are not listed again.
      vi.setSystemTime(Date.now() + 60_000);
      expect(await lintRoot()).toEqual([]);
      expect(listings()).toEqual({ '.': 1, src: 1 });
      // A descriptor added beside the file changes its folder: that folder alone is listed again.
      writeFileSync(path.join(root, 'src', 'serverless.yml'), 'service: jobs\nprovider:\n  name: aws\n  runtime: nodejs22.x\nfunctions:\n  run:\n    handler: app.run\n    events:\n      - httpApi: GET /run\n');
      vi.setSystemTime(Date.now() + 60_000);
      expect(await lintRoot()).toEqual(['src/app.mjs:1 missingStatusCodeV2']);
      expect(listings()).toEqual({ '.': 1, src: 2 });
    } finally {
      vi.useRealTimers();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
