/** @type {import('eslint-doc-generator').GenerateOptions} */
export default {
  configEmoji: [
    ['recommended', '✅'],
    ['strict', '🔒'],
    ['all', '🌐'],
    ['compat', '🤝'],
  ],
  ignoreConfig: ['all'],
  ruleDocSectionInclude: ['Examples', 'When Not To Use It'],
  ruleListColumns: ['name', 'description', 'configsError', 'fixable', 'hasSuggestions', 'requiresTypeChecking'],
  urlConfigs: 'https://github.com/eslint-plugin-aws-lambda/eslint-plugin-aws-lambda#configs',
};
