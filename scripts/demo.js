// The demo: lints the handlers in examples/ with every rule of the plugin, prints the reports as
// ESLint's stylish formatter does, then the diff that `eslint --fix` would make. examples/ is never
// written to: the fixes are computed in memory.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { createTwoFilesPatch } from 'diff';
import { ESLint } from 'eslint';
import awsLambda from '../dist/index.js';

const examplesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');

/** The config a user would write: typed linting, and the integration of each folder in settings. */
const config = [
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    ...awsLambda.configs.all,
    languageOptions: {
      parser: tsParser,
      parserOptions: { projectService: true, tsconfigRootDir: examplesDir },
    },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['rest/**'], settings: { 'aws-lambda': { integration: 'rest' } } },
  { files: ['http-v2/**'], settings: { 'aws-lambda': { integration: 'http-v2' } } },
  { files: ['alb/**'], settings: { 'aws-lambda': { integration: 'alb' } } },
];

function makeEslint(fix) {
  return new ESLint({ cwd: examplesDir, overrideConfigFile: true, overrideConfig: config, fix });
}

const results = await makeEslint(false).lintFiles(['.']);
const formatter = await makeEslint(false).loadFormatter('stylish');
console.log(`Linting ${results.length} files in examples/ with ${Object.keys(awsLambda.rules).length} rules of ${awsLambda.meta.name} ${awsLambda.meta.version}`);
console.log((await formatter.format(results)) || '\nNo problems.\n');

const fixed = await makeEslint(true).lintFiles(['.']);
const patches = [];
for (const result of fixed) {
  if (result.output === undefined) continue;
  const name = path.relative(examplesDir, result.filePath);
  const before = await readFile(result.filePath, 'utf8');
  patches.push(createTwoFilesPatch(`a/${name}`, `b/${name}`, before, result.output, '', '', { context: 2 }));
}
console.log(`What \`eslint --fix\` would change (${patches.length} of ${fixed.length} files; examples/ is left as it is):\n`);
console.log(patches.join('\n'));
const remaining = fixed.reduce((sum, result) => sum + result.errorCount + result.warningCount, 0);
console.log(`After --fix, ${remaining} problems remain; the rules' suggestions are offered in the editor.`);
