import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';

/**
 * Handlers in the shapes public Lambda code has (the SAM and console templates, a CRUD HTTP API, CORS
 * answers, early returns, a base64 S3 download, a callback dispatcher): the reports are the true ones,
 * the callback handler that Node.js 24 refuses and the SAM template's `return err`, which answers the
 * error as an empty 200.
 */
const dir = path.join(fixturesDir, 'real-world');

describe('handlers as public Lambda code writes them', () => {
  it.each([
    ['every rule, both runtime lines', 'all', {}, ['callback-dispatch.cjs:1:45 aws-lambda/no-callback-handler', 'sam-hello-world.cjs:11:12 aws-lambda/valid-proxy-response']],
    [
      'the strict config on Node.js 22',
      'strict',
      { runtime: 'nodejs22.x' },
      [
        'callback-dispatch.cjs:3:23 aws-lambda/valid-proxy-response',
        'callback-dispatch.cjs:3:31 aws-lambda/valid-proxy-response',
        'sam-hello-world.cjs:11:12 aws-lambda/valid-proxy-response',
      ],
    ],
  ] as const)('%s', async (_name, config, settings, expected) => {
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.{js,mjs,cjs,ts}'], ...plugin.configs[config], languageOptions: { parser: tsParser }, settings: { 'aws-lambda': settings } },
        { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      ],
    });
    const results = await eslint.lintFiles(['.']);
    expect(results).toHaveLength(8);
    expect(results.flatMap((result) => result.messages.map((message) => `${path.basename(result.filePath)}:${message.line}:${message.column} ${message.ruleId ?? ''}`))).toEqual(expected);
  });
});
