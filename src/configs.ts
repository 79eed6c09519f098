import type { TSESLint } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';
import type { AwsLambdaRuleDocs } from './util/create-rule.js';

export type ConfigName = 'recommended' | 'strict' | 'all' | 'compat';

/** The setting the configs carry the descriptors' digest in: only ESLint's cache reads it. */
export const DIGEST_SETTING = 'aws-lambda/descriptors-digest';
type RuleEntry = Linter.RuleEntry;
type AnyRule = TSESLint.RuleModule<string, readonly unknown[], AwsLambdaRuleDocs>;

/**
 * The rules each config turns on, read from the rules' own `meta.docs`: `recommended` holds the rules
 * marked recommended, `strict` adds those marked strict and the options they ask for there, `all` is
 * every rule with its default options but the `compat` stand-ins, which only `compat` turns on.
 */
export function configRules(rules: Readonly<Record<string, AnyRule>>, config: ConfigName): Record<string, RuleEntry> {
  const entries: Record<string, RuleEntry> = {};
  for (const [name, rule] of Object.entries(rules)) {
    if (rule.meta.deprecated || rule.meta.docs?.compat) continue;
    const level = rule.meta.docs?.recommended;
    const wanted = config === 'all' || level === 'recommended' || (config === 'strict' && level === 'strict');
    if (!wanted) continue;
    const strictOptions = rule.meta.docs?.strictOptions;
    entries[`aws-lambda/${name}`] =
      config === 'strict' && strictOptions ? ['error', ...strictOptions] : 'error';
  }
  return entries;
}
