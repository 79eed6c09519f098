import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { invoke, loadHandler } from '../support/invoke.js';
import { contractProblems, type Integration } from '../support/proxy-contract.js';
// @ts-expect-error -- a plain JavaScript module shared with the demo script, without declarations.
import { examplesConfig, examplesDir } from '../../scripts/examples-config.js';

const config = (examplesConfig as (p: typeof plugin) => ESLint.Options['overrideConfig'])(plugin);
const dir = examplesDir as string;
const eslint = (fix: boolean) => new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, fix });
const examples = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.(?:[cm]?js|ts)$/u.test(file))
  .sort();

describe('the examples', () => {
  it('are all linted', async () => {
    const results = await eslint(false).lintFiles(examples);
    expect(results.map((result) => path.relative(dir, result.filePath)).sort()).toEqual(examples);
    expect(results.flatMap((result) => result.messages.filter((message) => message.fatal === true))).toEqual([]);
  });

  it('the correct handlers draw no report', async () => {
    const results = await eslint(false).lintFiles(examples.filter((file) => path.basename(file).startsWith('correct-')));
    expect(results.flatMap((result) => result.messages)).toEqual([]);
  });

  it('every other handler draws at least one report', async () => {
    const results = await eslint(false).lintFiles(examples.filter((file) => !path.basename(file).startsWith('correct-')));
    const silent = results.filter((result) => result.messages.length === 0).map((result) => path.relative(dir, result.filePath));
    expect(silent).toEqual([]);
  });

  it('after --fix, a second --fix changes nothing and the output parses', async () => {
    const fixed = await eslint(true).lintFiles(examples);
    for (const result of fixed) {
      const source = result.output ?? readFileSync(result.filePath, 'utf8');
      const [again] = await eslint(true).lintText(source, { filePath: result.filePath });
      expect(again?.messages.filter((message) => message.fatal === true), result.filePath).toEqual([]);
      expect(again?.output, result.filePath).toBeUndefined();
    }
  });
});

/** Applies `--fix`, then the first suggestion of the first report that has one, until nothing is left. */
async function repair(filePath: string): Promise<{ source: string; remaining: string[] }> {
  let source = readFileSync(filePath, 'utf8');
  for (let round = 0; round < 20; round++) {
    const [fixed] = await eslint(true).lintText(source, { filePath });
    source = fixed?.output ?? source;
    const messages = fixed?.messages ?? [];
    const suggestion = messages.find((message) => message.suggestions?.length)?.suggestions?.[0];
    if (!suggestion) return { source, remaining: messages.map((message) => `${message.ruleId ?? ''}: ${message.message}`) };
    source = source.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + source.slice(suggestion.fix.range[1]);
  }
  throw new Error(`${filePath}: still changing after 20 rounds`);
}

describe('every example after its fixes and suggestions', () => {
  it.each(examples)('%s passes every rule', async (file) => {
    const { remaining } = await repair(path.join(dir, file));
    expect(remaining).toEqual([]);
  });
});

// The plain JavaScript examples, repaired, run as the Lambda runtime runs them with a sample event of
// their folder's integration: both runtime lines answer a response the integration accepts.
/** The integration of each folder: in settings for three, from template.yaml for the SAM app. */
const FOLDER_INTEGRATIONS: Record<string, Integration> = { rest: 'rest', 'http-v2': 'http-v2', alb: 'alb', 'sam-app': 'rest' };
const SAMPLE_EVENTS: Record<string, unknown> = {
  rest: { httpMethod: 'GET', path: '/items/1', resource: '/items/{id}', pathParameters: { id: '1' }, queryStringParameters: { name: 'Ada' }, headers: {}, body: '{"a":1}' },
  'http-v2': { rawPath: '/items/1', routeKey: 'GET /items/{id}', requestContext: { http: { method: 'GET' } }, headers: {} },
  alb: { httpMethod: 'GET', path: '/items/1', requestContext: { elb: { targetGroupArn: 'arn' } }, headers: {} },
};

describe('every plain JavaScript example, repaired and run', () => {
  const runnable = examples.filter((file) => !file.endsWith('.ts'));
  it.each(runnable)('%s answers a response its integration accepts', async (file) => {
    const { source } = await repair(path.join(dir, file));
    const integration = FOLDER_INTEGRATIONS[file.split('/')[0]!]!;
    const handler = await loadHandler(source, !file.endsWith('.cjs'), file.startsWith('sam-app/') ? 'lambdaHandler' : 'handler');
    for (const line of ['classic', 'modern'] as const) {
      const outcome = await invoke(handler, line, SAMPLE_EVENTS[integration]);
      expect(outcome.error, line).toBeUndefined();
      expect(contractProblems(integration, outcome.response), line).toEqual([]);
    }
  });
});
