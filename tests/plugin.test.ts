import { createRequire } from 'node:module';
import { ESLint } from 'eslint';
import { defineConfig } from 'eslint/config';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

describe('the plugin object', () => {
  it('names itself from package.json', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'aws-lambda' });
  });

  it('builds each config from the rules meta, with a name', () => {
    const byLevel = (wanted: (level: string | undefined) => boolean) =>
      Object.fromEntries(
        Object.entries(rules)
          .filter(([, rule]) => wanted(rule.meta.docs?.recommended))
          .map(([name, rule]) => [
            `aws-lambda/${name}`,
            rule.meta.docs?.recommended === 'strict' || !rule.meta.docs?.strictOptions
              ? 'error'
              : ['error', ...rule.meta.docs.strictOptions],
          ]),
      );
    expect(plugin.configs.recommended.name).toBe('aws-lambda/recommended');
    expect(plugin.configs.recommended.rules).toEqual(
      Object.fromEntries(Object.entries(byLevel((level) => level === 'recommended')).map(([name]) => [name, 'error'])),
    );
    expect(plugin.configs.strict.name).toBe('aws-lambda/strict');
    expect(plugin.configs.strict.rules).toEqual(byLevel((level) => level !== undefined));
    expect(plugin.configs.all.name).toBe('aws-lambda/all');
    // Every rule about handlers; the compat stand-in for require-await only in `compat`.
    expect(Object.keys(plugin.configs.all.rules ?? {}).sort()).toEqual(
      Object.keys(rules)
        .filter((name) => name !== 'require-await')
        .map((name) => `aws-lambda/${name}`)
        .sort(),
    );
    for (const config of Object.values(plugin.configs)) {
      expect(config.plugins?.['aws-lambda']).toBe(plugin);
    }
  });

  it('has a docs page and a docs URL for every rule', async () => {
    const { existsSync } = await import('node:fs');
    for (const [name, rule] of Object.entries(rules)) {
      expect(existsSync(new URL(`../docs/rules/${name}.md`, import.meta.url))).toBe(true);
      expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${name}\\.md$`));
    }
  });
});

const NOT_LAMBDA = `import { useState } from 'react';\nexport function handler(event) { event.preventDefault(); return { statusCode: 1 }; }`;

describe('settings that are wrong', () => {
  const lint = (settings: unknown) =>
    new ESLint({
      overrideConfigFile: true,
      overrideConfig: [plugin.configs.all, { settings: { 'aws-lambda': settings } }],
    }).lintText('export const handler = (event) => ({ statusCode: 200 });');

  it.each([
    [{ runtime: 'node24' }, `settings['aws-lambda'].runtime must be a Lambda runtime identifier such as "nodejs22.x" or "nodejs24.x"; got "node24".`],
    [{ integration: 'websocket' }, `settings['aws-lambda'].integration must be one of "rest", "http-v1", "http-v2", "url", "alb"; got "websocket".`],
    [{ handlerNames: 'handler' }, `settings['aws-lambda'].handlerNames must be an array of export names (non-empty strings); got "handler".`],
    [{ handlerName: ['main'] }, `settings['aws-lambda'] has no setting "handlerName"; the settings are handlerNames, integration, runtime, descriptors.`],
    ['rest', `settings['aws-lambda'] must be an object; got "rest".`],
  ])('%j fails with a message that names the setting', async (settings, message) => {
    await expect(lint(settings)).rejects.toThrow(`eslint-plugin-aws-lambda: ${message}`);
  });

  it('does not fail on a file without handlers either way', async () => {
    const results = await new ESLint({ overrideConfigFile: true, overrideConfig: [plugin.configs.all] }).lintText(NOT_LAMBDA);
    expect(results[0]?.messages).toEqual([]);
  });
});

describe('both ways of using a config', () => {
  const code = 'export const handler = (event) => ({ statusCode: 200, body: "" });';
  const expected = [['aws-lambda/require-async-handler', 1, 24]];
  const reports = async (overrideConfig: ESLint.Options['overrideConfig']) => {
    const [result] = await new ESLint({ overrideConfigFile: true, overrideConfig }).lintText(code);
    return result?.messages.map((message) => [message.ruleId, message.line, message.column]);
  };

  it('extends: ["aws-lambda/recommended"] inside defineConfig, with the plugin registered', async () => {
    const config = defineConfig([{ plugins: { 'aws-lambda': plugin }, extends: ['aws-lambda/recommended'] }]);
    expect(await reports(config)).toEqual(expected);
  });

  it('configs.recommended spread directly', async () => {
    expect(await reports([plugin.configs.recommended])).toEqual(expected);
  });
});

describe('the compat config', () => {
  it('turns require-await off in favour of ours, which spares handlers only', async () => {
    const eslint = new ESLint({
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.js'], rules: { 'require-await': 'error' } },
        { files: ['**/*.js'], ...plugin.configs.recommended },
        { files: ['**/*.js'], ...plugin.configs.compat },
      ],
    });
    const code = `export const handler = async (event) => ({ statusCode: 200, body: String(await helper(event)) });\nasync function helper(event) { return event.path; }\n`;
    const [result] = await eslint.lintText(code, { filePath: 'handler.js' });
    expect(result?.messages.map((message) => `${message.line} ${message.ruleId ?? ''}`)).toEqual(['2 aws-lambda/require-await']);
    const config = (await eslint.calculateConfigForFile('handler.js')) as { rules: Record<string, unknown> };
    expect([config.rules['require-await'], config.rules['@typescript-eslint/require-await'], config.rules['aws-lambda/require-await']]).toEqual([[0], [0], [2]]);
  });
});
