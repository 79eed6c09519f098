import { INTEGRATIONS, type Integration } from '../contract/proxy-contract.js';
import { NODE_RUNTIME_ID } from '../contract/runtimes.js';

/**
 * `settings['aws-lambda']`, read and checked once per file. A wrong value fails the lint run with a
 * message that names the setting and what it accepts, the way ESLint treats a wrong rule option.
 */

export interface LambdaSettings {
  readonly handlerNames: readonly string[];
  readonly integration: Integration | undefined;
  /** A Lambda runtime identifier such as `nodejs22.x`; undefined checks both runtime lines. */
  readonly runtime: string | undefined;
  /** Whether to read SAM, CloudFormation and Serverless Framework descriptors. */
  readonly descriptors: boolean;
}

export const DEFAULT_HANDLER_NAMES: readonly string[] = ['handler'];
const KNOWN_KEYS = new Set(['handlerNames', 'integration', 'runtime', 'descriptors']);

export class SettingsError extends Error {
  override name = 'SettingsError';
}

function fail(setting: string, accepted: string, value: unknown): never {
  throw new SettingsError(
    `eslint-plugin-aws-lambda: settings['aws-lambda']${setting === '' ? '' : `.${setting}`} must be ${accepted}; got ${JSON.stringify(value)}.`,
  );
}

const cache = new WeakMap<object, LambdaSettings>();
const EMPTY: LambdaSettings = { handlerNames: DEFAULT_HANDLER_NAMES, integration: undefined, runtime: undefined, descriptors: true };

export function readSettings(allSettings: Readonly<Record<string, unknown>> | undefined): LambdaSettings {
  const raw = allSettings?.['aws-lambda'];
  if (raw === undefined || raw === null) return EMPTY;
  if (typeof raw !== 'object' || Array.isArray(raw)) fail('', 'an object', raw);
  const cached = cache.get(raw);
  if (cached) return cached;
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new SettingsError(
        `eslint-plugin-aws-lambda: settings['aws-lambda'] has no setting "${key}"; the settings are ${[...KNOWN_KEYS].join(', ')}.`,
      );
    }
  }
  const { handlerNames, integration, runtime, descriptors } = record;
  if (
    handlerNames !== undefined &&
    !(Array.isArray(handlerNames) && handlerNames.every((name) => typeof name === 'string' && name !== ''))
  ) {
    fail('handlerNames', 'an array of export names (non-empty strings)', handlerNames);
  }
  if (integration !== undefined && !INTEGRATIONS.includes(integration as Integration)) {
    fail('integration', `one of ${INTEGRATIONS.map((name) => `"${name}"`).join(', ')}`, integration);
  }
  if (runtime !== undefined && !(typeof runtime === 'string' && NODE_RUNTIME_ID.test(runtime))) {
    fail('runtime', 'a Lambda runtime identifier such as "nodejs22.x" or "nodejs24.x"', runtime);
  }
  if (descriptors !== undefined && typeof descriptors !== 'boolean') fail('descriptors', 'true or false', descriptors);
  const settings: LambdaSettings = {
    handlerNames: (handlerNames as string[] | undefined) ?? DEFAULT_HANDLER_NAMES,
    integration: integration as Integration | undefined,
    runtime,
    descriptors: descriptors !== false,
  };
  cache.set(raw, settings);
  return settings;
}
