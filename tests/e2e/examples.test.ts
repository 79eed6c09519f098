import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
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
