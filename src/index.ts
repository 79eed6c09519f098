import { createRequire } from 'node:module';
import type { ESLint, Linter, Rule } from 'eslint';
import process from 'node:process';
import { descriptorsDigest } from './analysis/descriptors/digest.js';
import { type ConfigName, configRules, DIGEST_SETTING } from './configs.js';
import { rules } from './rules/index.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

/** A config of this plugin: ESLint's own type, so that `defineConfig` and `eslint.config.ts` accept it. */
export type AwsLambdaConfig = Linter.Config & { name: string };

interface AwsLambdaPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  rules: Record<string, Rule.RuleModule>;
  configs: Record<ConfigName, AwsLambdaConfig>;
}

const plugin: AwsLambdaPlugin = {
  meta: { name, version, namespace: 'aws-lambda' },
  // typescript-eslint's rule type is stricter than ESLint's; the objects are the same.
  rules: rules as unknown as Record<string, Rule.RuleModule>,
  configs: {} as Record<ConfigName, AwsLambdaConfig>,
};

/**
 * The settings each config carries: a digest of the project's deployment descriptors, so that
 * `eslint --cache`, which keys results on the config, lints again after a descriptor changes. Taken
 * when ESLint first reads a config, from the folder ESLint runs in.
 */
let digestOnce: string | undefined;
function digestSettings(): Record<string, unknown> {
  digestOnce ??= descriptorsDigest(process.cwd());
  return { [DIGEST_SETTING]: digestOnce };
}

function withDigest(config: AwsLambdaConfig): AwsLambdaConfig {
  return Object.defineProperty(config, 'settings', { get: digestSettings, enumerable: true, configurable: true });
}

for (const config of ['recommended', 'strict', 'all'] as const) {
  plugin.configs[config] = withDigest({
    name: `aws-lambda/${config}`,
    plugins: { 'aws-lambda': plugin },
    rules: configRules(rules, config),
  });
}

// `require-await` (ESLint's and typescript-eslint's) tells users to remove the `async` that
// `require-async-handler` asks for on handlers that return their response without awaiting. `compat`
// swaps both for ours, which is the core rule less its reports on handlers.
plugin.configs.compat = {
  name: 'aws-lambda/compat',
  plugins: { 'aws-lambda': plugin },
  rules: { 'require-await': 'off', '@typescript-eslint/require-await': 'off', 'aws-lambda/require-await': 'error' },
};

export default plugin;
// `require('eslint-plugin-aws-lambda')` gives the plugin itself on the Node.js versions ESLint 10 supports.
export { plugin as 'module.exports' };
