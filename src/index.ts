import { createRequire } from 'node:module';
import type { TSESLint } from '@typescript-eslint/utils';
import { type ConfigName, configRules } from './configs.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

type Config = TSESLint.FlatConfig.Config & { name: string };

const plugin = {
  meta: { name, version, namespace: 'aws-lambda' },
  rules,
  configs: {} as Record<ConfigName, Config>,
} satisfies TSESLint.FlatConfig.Plugin;

for (const config of ['recommended', 'strict', 'all'] as const) {
  plugin.configs[config] = {
    name: `aws-lambda/${config}`,
    plugins: { 'aws-lambda': plugin },
    rules: configRules(rules, config),
  };
}

export default plugin;
