import { ESLintUtils } from '@typescript-eslint/utils';
import type { RuleModule } from '@typescript-eslint/utils/ts-eslint';

/** What our rules say about themselves beyond ESLint's own `docs` fields; read by the configs. */
export interface AwsLambdaRuleDocs {
  /** The smallest config that turns the rule on: `recommended` (and so `strict`), or `strict` only. */
  recommended?: 'recommended' | 'strict';
  /** Options the `strict` config sets, when they differ from the defaults. */
  strictOptions?: readonly unknown[];
  /**
   * A stand-in for a rule of another plugin (ESLint's `require-await`), turned on by the `compat` config
   * only: not in `all`, which is every rule about Lambda handlers.
   */
  compat?: true;
  /** Whether the rule does more with type information (it always runs without it). */
  requiresTypeChecking?: false;
}

const REPOSITORY_DOCS = 'https://github.com/eslint-plugin-aws-lambda/eslint-plugin-aws-lambda/blob/main/docs/rules';

const withDocsUrl = ESLintUtils.RuleCreator<AwsLambdaRuleDocs>((name) => `${REPOSITORY_DOCS}/${name}.md`);

type RuleDefinition<Options extends readonly unknown[], MessageIds extends string> = Readonly<
  ESLintUtils.RuleWithMetaAndName<Options, MessageIds, AwsLambdaRuleDocs>
>;

/**
 * A rule with its docs URL. Its options come from `meta.defaultOptions`, which ESLint (9.15 and later)
 * merges into the configured options once per config. RuleCreator's own `create` would merge them
 * again, through a deep clone, for every rule in every file: a third of what our rules cost in a file
 * without handlers. So `create` receives `context.options` as ESLint gives them.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  definition: RuleDefinition<Options, MessageIds>,
): RuleModule<MessageIds, Options, AwsLambdaRuleDocs> & { name: string } {
  const rule = withDocsUrl(definition);
  return {
    ...rule,
    create: (context) => definition.create(context, context.options),
  };
}
