// The demo: lints the handlers in examples/ with the README's typed-linting set-up, prints the reports as
// ESLint's stylish formatter does, then the diff that `eslint --fix` would make. examples/ is never
// written to: the fixes are computed in memory.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { ESLint } from 'eslint';
import awsLambda from '../dist/index.js';
import { examplesConfig, examplesDir } from './examples-config.js';

const config = examplesConfig(awsLambda);

function makeEslint(fix) {
  return new ESLint({ cwd: examplesDir, overrideConfigFile: true, overrideConfig: config, fix });
}

const results = await makeEslint(false).lintFiles(['.']);
const formatter = await makeEslint(false).loadFormatter('stylish');
console.log(`Linting ${results.length} files in examples/ with ${awsLambda.meta.name} ${awsLambda.meta.version}, set up as the README's
"TypeScript and typed linting" says: the recommended config and typed linting, no settings. What calls
each handler comes from examples/serverless.yml and examples/sam-app/template.yaml.`);
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
