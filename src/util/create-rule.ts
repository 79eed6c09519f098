import { ESLintUtils } from '@typescript-eslint/utils';

/** What our rules say about themselves beyond ESLint's own `docs` fields; read by the configs. */
export interface AwsLambdaRuleDocs {
  /** The smallest config that turns the rule on: `recommended` (and so `strict`), or `strict` only. */
  recommended?: 'recommended' | 'strict';
  /** Options the `strict` config sets, when they differ from the defaults. */
  strictOptions?: readonly unknown[];
  /** Whether the rule does more with type information (it always runs without it). */
  requiresTypeChecking?: false;
}

const REPOSITORY_DOCS = 'https://github.com/eslint-plugin-aws-lambda/eslint-plugin-aws-lambda/blob/main/docs/rules';

export const createRule = ESLintUtils.RuleCreator<AwsLambdaRuleDocs>(
  (name) => `${REPOSITORY_DOCS}/${name}.md`,
);
