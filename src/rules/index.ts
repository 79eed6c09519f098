import type { TSESLint } from '@typescript-eslint/utils';
import type { AwsLambdaRuleDocs } from '../util/create-rule.js';
import noCallbackHandler from './no-callback-handler.js';
import noLegacyContextMethods from './no-legacy-context-methods.js';
import noMissingHandlerExport from './no-missing-handler-export.js';
import requireAsyncHandler from './require-async-handler.js';
import requireAwait from './require-await.js';
import validCallback from './valid-callback.js';
import validProxyResponse from './valid-proxy-response.js';

/** Every rule of the plugin, by name. Each file in this folder holds one rule. */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], AwsLambdaRuleDocs>> = {
  'no-callback-handler': noCallbackHandler,
  'no-legacy-context-methods': noLegacyContextMethods,
  'no-missing-handler-export': noMissingHandlerExport,
  'require-async-handler': requireAsyncHandler,
  'require-await': requireAwait,
  'valid-callback': validCallback,
  'valid-proxy-response': validProxyResponse,
};
