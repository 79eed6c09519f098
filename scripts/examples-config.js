// The ESLint config the demo and the example tests lint examples/ with: the README's typed-linting
// set-up as it stands there (the `recommended` config, typescript-eslint's parser with the project
// service), with nothing added. What calls each handler comes from examples/serverless.yml and
// examples/sam-app/template.yaml, as it would in a user's project.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

export const examplesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/** @param {{ configs: { recommended: import('eslint').Linter.Config } }} plugin */
export function examplesConfig(plugin) {
  return [
    {
      files: ['**/*.{ts,js,mjs,cjs}'],
      ...plugin.configs.recommended,
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: { projectService: { allowDefaultProject: ['*.js'] }, tsconfigRootDir: examplesDir },
      },
    },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ];
}
