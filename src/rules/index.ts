import type { TSESLint } from '@typescript-eslint/utils';
import type { AwsLambdaRuleDocs } from '../util/create-rule.js';
import requireAsyncHandler from './require-async-handler.js';
import validProxyResponse from './valid-proxy-response.js';

/** Every rule of the plugin, by name. Each file in this folder holds one rule. */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], AwsLambdaRuleDocs>> = {
  'require-async-handler': requireAsyncHandler,
  'valid-proxy-response': validProxyResponse,
};
