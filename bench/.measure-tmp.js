// One measurement, in a fresh process so that no run profits from another's warm TypeScript program:
// lints the generated project one way and prints JSON (wall time, per-rule times, checker queries).
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import tseslint from 'typescript-eslint';
import { ESLint } from 'eslint';
import * as espree from 'espree';
import awsLambda from '../dist/index.js';
import { analysisStats } from '../dist/analysis/types.js';
import { descriptorStats } from '../dist/analysis/descriptors/index.js';
import { cdkFunctions } from '../dist/analysis/descriptors/cdk.js';

const [relativeDir, way] = process.argv.slice(2);
const dir = path.resolve(relativeDir);
// `-warm`: lint once before measuring, as a long-lived process (an editor, a watch mode) would.
const warm = way.endsWith('-warm');
const mode = warm ? way.slice(0, -'-warm'.length) : way;
const typed = mode.startsWith('typed');
// The CDK profile: TypeScript without type information, with the app read (`cdk-ours`) or not (`cdk-nodesc`).
const cdk = mode.startsWith('cdk');

if (mode === 'cdk-read') {
  // Reading the CDK app alone, after the parser is loaded as a lint run has loaded it.
  tseslint.parser.parseForESLint('const a = 1;', { filePath: path.join(dir, 'warm.ts') });
  const start = performance.now();
  const reading = cdkFunctions(path.join(dir, 'cdk.json'));
  const wall = performance.now() - start;
  const functions = [...reading.functions.values()].reduce((sum, list) => sum + list.length, 0);
  process.stdout.write(JSON.stringify({ wall, files: reading.files.length, functions, ruleTimes: {}, perFile: {} }));
  process.exit(0);
}
const rules =
  mode.endsWith('-ours') || mode === 'cdk-nodesc' ? awsLambda.configs.recommended.rules
  : mode.endsWith('-floating') ? { '@typescript-eslint/no-floating-promises': 'error' }
  : mode.endsWith('-trivial') ? { 'no-debugger': 'error' }
  : mode.endsWith('-null') ? Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`null/rule-${n}`, 'error']))
  : mode.endsWith('-glance') ? { 'null/glance': 'error' }
  // Two of ESLint's own recommended rules, as a yardstick for what one rule costs on the same files.
  : mode.endsWith('-no-undef') ? { 'no-undef': 'error' }
  : mode.endsWith('-no-unused-vars') ? { 'no-unused-vars': 'error' }
  : {};

// Five rules that do nothing: what any five rules cost ESLint. And `glance`, the least a rule that
// looks for handlers can do: read the file's name and settings and its top-level statements.
let exportsSeen = 0;
const nullRules = {
  ...Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`rule-${n}`, { meta: { schema: [] }, create: () => ({}) }])),
  glance: {
    meta: { schema: [] },
    create(context) {
      const javaScript = /\.[cm]?jsx?$/u.test(context.filename);
      for (const statement of context.sourceCode.ast.body) {
        if (statement.type.startsWith('Export') && context.settings && javaScript) exportsSeen++;
      }
      return {};
    },
  },
};

// The Node.js globals the generated JavaScript uses, so that `no-undef` measures its work, not reports.
const NODE_GLOBALS = Object.fromEntries(
  ['require', 'module', 'exports', 'process', 'console', 'Buffer', 'setTimeout', 'clearTimeout'].map((name) => [name, 'readonly']),
);

const cdkConfig = [
  {
    files: ['**/*.ts'],
    plugins: { 'aws-lambda': awsLambda },
    languageOptions: { parser: tseslint.parser },
    settings: { 'aws-lambda': { descriptors: mode !== 'cdk-nodesc' } },
    rules,
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
];
const projectConfig = [
  {
    files: typed ? ['**/*.{ts,tsx,js,cjs}'] : ['**/*.{js,cjs}'],
    plugins: {
      'aws-lambda': awsLambda,
      '@typescript-eslint': tseslint.plugin,
      null: { rules: nullRules },
    },
    languageOptions: typed
      ? { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: dir } }
      : { parser: espree, ecmaVersion: 'latest', sourceType: 'module', globals: NODE_GLOBALS },
    ...(process.env.NODESC ? { settings: { 'aws-lambda': { descriptors: false } } } : {}),
    rules,
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
];
const config = cdk ? cdkConfig : projectConfig;

analysisStats.counting = true;
const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, stats: true });
const patterns = ['.'];
if (warm) await eslint.lintFiles(patterns);
analysisStats.typeQueries.clear();
const start = performance.now();
const results = await eslint.lintFiles(patterns);
const wall = performance.now() - start;

const ruleTimes = {};
const perFile = {};
for (const result of results) {
  const file = path.relative(dir, result.filePath);
  let ours = 0;
  for (const pass of result.stats?.times.passes ?? []) {
    for (const [rule, time] of Object.entries(pass.rules ?? {})) {
      ruleTimes[rule] = (ruleTimes[rule] ?? 0) + time.total;
      if (rule.startsWith('aws-lambda/')) ours += time.total;
    }
  }
  perFile[file] = {
    ours,
    handlers: analysisStats.handlers.get(result.filePath) ?? 0,
    queries: analysisStats.typeQueries.get(result.filePath) ?? 0,
    messages: result.messages.length,
  };
}
const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal === true));
if (fatal.length > 0) throw new Error(`parse errors: ${fatal.slice(0, 3).map((message) => message.message).join('; ')}`);
const descriptorReads = Math.max(0, ...descriptorStats.reads.values());
const messages = results.reduce((sum, result) => sum + result.messages.length, 0);
process.stdout.write(JSON.stringify({ wall, files: results.length, ruleTimes, perFile, exportsSeen, descriptorReads, messages }));
