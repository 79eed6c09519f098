// npm run bench: what the plugin's rules cost, measured side by side in one run.
//
//   npm run bench                     2,000 files, 5 runs of each way, writes bench/results.md
//   npm run bench -- --files 8000     another size
//   npm run bench -- --scale          500, 2,000 and 8,000 files: the cost per file must stay flat
//   npm run bench -- --quick          100 files, 1 run, nothing written (CI proves that it works)
//   npm run bench -- --cdk-functions 400   the CDK app's size (200 functions unless told)
//
// Each measurement runs in a fresh process (bench/measure.js), so that no run profits from the warm
// TypeScript program of another. The ways are run in turn, run after run, and medians are compared.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import awsLambda from '../dist/index.js';
import { generateCdkProject } from './generate-cdk.js';
import { generateProject } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.join(here, 'project');
const cdkProjectDir = path.join(here, 'project-cdk');
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '5' },
    scale: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    'cdk-functions': { type: 'string', default: '200' },
  },
});
const sizes = values.quick ? [100] : values.scale ? [500, 2000, 8000] : [Number(values.files)];
const runs = values.quick ? 1 : Number(values.runs);

const WAYS = {
  'typed-none': '(a) typed parser, no rules',
  'typed-ours': '(b) (a) + aws-lambda/recommended',
  'typed-floating': '(c) (a) + no-floating-promises',
  'plain-none': '(a′) plain JavaScript, no rules',
  'plain-ours': '(b′) (a′) + aws-lambda/recommended',
  'plain-null': '(d′) (a′) + five rules that do nothing',
  'plain-glance': '(e′) (a′) + one rule that reads the top-level statements',
  'plain-no-undef': "(f′) (a′) + ESLint's no-undef",
  'plain-no-unused-vars': "(g′) (a′) + ESLint's no-unused-vars",
  'plain-none-warm': '(a′) linted a second time in the same process',
  'plain-ours-warm': '(b′) linted a second time in the same process',
};

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;
const pct = (value) => `${(value * 100).toFixed(2)}%`;

function measure(way, dir = projectDir) {
  const output = execFileSync(process.execPath, [path.join(here, 'measure.js'), dir, way], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(output);
}

const sections = [];
const verdicts = [];
for (const size of sizes) {
  const project = await generateProject(projectDir, size);
  const samples = Object.fromEntries(Object.keys(WAYS).map((way) => [way, []]));
  for (let run = 0; run < runs; run++) {
    for (const way of Object.keys(WAYS)) samples[way].push(measure(way));
    process.stderr.write(`\r${size} files: run ${run + 1}/${runs}`);
  }
  process.stderr.write('\n');

  const wall = (way) => median(samples[way].map((sample) => sample.wall));
  const ruleTotal = (way, prefix) =>
    median(samples[way].map((sample) => Object.entries(sample.ruleTimes).filter(([rule]) => rule.startsWith(prefix)).reduce((sum, [, time]) => sum + time, 0)));
  const ours = ruleTotal('typed-ours', 'aws-lambda/');
  const floating = ruleTotal('typed-floating', '@typescript-eslint/no-floating-promises');
  const oursPlain = ruleTotal('plain-ours', 'aws-lambda/');
  const oursPlainWarm = ruleTotal('plain-ours-warm', 'aws-lambda/');
  const glance = ruleTotal('plain-glance', 'null/glance');
  const noUndef = ruleTotal('plain-no-undef', 'no-undef');
  const noUnusedVars = ruleTotal('plain-no-unused-vars', 'no-unused-vars');
  const last = samples['typed-ours'].at(-1);
  const files = Object.values(last.perFile);
  const handlerFiles = files.filter((file) => file.handlers > 0);
  const otherFiles = files.filter((file) => file.handlers === 0);
  /** Median over runs of our rules' mean time per file, for files with handlers or without. */
  const perFileCost = (withHandlers, way = 'typed-ours') =>
    median(
      samples[way].map((sample) => {
        const entries = Object.values(sample.perFile).filter((file) => (file.handlers > 0) === withHandlers);
        return entries.reduce((sum, file) => sum + file.ours, 0) / Math.max(1, entries.length);
      }),
    );
  const queries = (list) => list.reduce((sum, file) => sum + file.queries, 0);
  const perRule = Object.keys(last.ruleTimes)
    .filter((rule) => rule.startsWith('aws-lambda/'))
    .map((rule) => [rule, median(samples['typed-ours'].map((sample) => sample.ruleTimes[rule] ?? 0))]);

  const a = wall('typed-none');
  const aPlain = wall('plain-none');
  const result = {
    size,
    files: last.files,
    handlers: project.handlers.length,
    handlerFiles: handlerFiles.length,
    a,
    b: wall('typed-ours'),
    c: wall('typed-floating'),
    aPlain,
    bPlain: wall('plain-ours'),
    dPlain: wall('plain-null'),
    aPlainWarm: wall('plain-none-warm'),
    oursPlainWarm,
    plainWarmRatio: oursPlainWarm / wall('plain-none-warm'),
    ours,
    floating,
    oursPlain,
    wallRatio: (wall('typed-ours') - a) / a,
    ruleRatio: ours / a,
    plainRuleRatio: oursPlain / aPlain,
    glance,
    noUndef,
    noUnusedVars,
    plainFiles: samples['plain-ours'].at(-1).files,
    plainHandlerFiles: Object.values(samples['plain-ours'].at(-1).perFile).filter((file) => file.handlers > 0).length,
    plainPerHandlerFile: perFileCost(true, 'plain-ours'),
    plainPerOtherFile: perFileCost(false, 'plain-ours'),
    perHandlerFile: perFileCost(true),
    perOtherFile: perFileCost(false),
    queriesHandler: queries(handlerFiles),
    queriesOther: queries(otherFiles),
    perRule,
  };
  sections.push(result);
  verdicts.push(
    [`${size} files: our rules add ${pct(result.ruleRatio)} to the typed run (target ≤ 3%)`, result.ruleRatio <= 0.03],
    [`${size} files: our rules cost ${ms(ours)}, no-floating-promises ${ms(floating)} (target: less)`, ours < floating],
    [
      `${size} files: our rules add ${pct(result.plainRuleRatio)} to the untyped run (target ≤ 2%; ESLint's no-unused-vars alone adds ${pct(noUnusedVars / aPlain)})`,
      result.plainRuleRatio <= 0.02,
    ],
    [`${size} files: ${result.queriesOther} checker queries in files without a handler (target 0)`, result.queriesOther === 0],
  );
}

// oxlint's JavaScript plugins against ESLint, both with our recommended rules and no type information,
// on the plain JavaScript of the same generated project. oxlint skips what a .gitignore names
// (bench/project is), so this copy of the project is generated outside the repository. oxlint's time
// is its whole process, start-up included; ESLint's is its lintFiles call alone.
const oxlintDir = path.join(os.tmpdir(), 'aws-lambda-bench-oxlint');
const oxlintSize = values.quick ? 100 : sizes.at(-1);
await generateProject(oxlintDir, oxlintSize);
writeFileSync(
  path.join(oxlintDir, '.oxlintrc.json'),
  JSON.stringify({
    jsPlugins: [path.join(here, '..', 'dist', 'index.js')],
    categories: { correctness: 'off' },
    // The files ESLint lints in the plain way: JavaScript only.
    ignorePatterns: ['**/*.ts', '**/*.tsx'],
    rules: Object.fromEntries(Object.keys(awsLambda.configs.recommended.rules).map((name) => [name, 'error'])),
  }),
);
const oxlintBin = path.join(here, '..', 'node_modules', 'oxlint', 'bin', 'oxlint');
const oxlintSamples = [];
const eslintSamples = [];
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [oxlintBin, '-c', '.oxlintrc.json', '-f', 'json', 'src'], { cwd: oxlintDir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  oxlintSamples.push({ wall: performance.now() - start, reports: JSON.parse(result.stdout).diagnostics.length });
  eslintSamples.push(measure('plain-ours', oxlintDir));
  process.stderr.write(`\roxlint: run ${run + 1}/${runs}`);
}
process.stderr.write('\n');
const oxlint = {
  files: oxlintSize,
  jsFiles: eslintSamples[0].files,
  oxlint: median(oxlintSamples.map((sample) => sample.wall)),
  eslint: median(eslintSamples.map((sample) => sample.wall)),
  oxlintReports: oxlintSamples[0].reports,
  eslintReports: Object.values(eslintSamples[0].perFile).reduce((sum, file) => sum + file.messages, 0),
};
verdicts.push([`oxlint: ${oxlint.oxlintReports} reports, ESLint ${oxlint.eslintReports} on the same files (target: the same)`, oxlint.oxlintReports === oxlint.eslintReports]);

// The CDK profile: an app whose stacks declare every function, linted without type information (the
// TypeScript parser alone), with the app read and without it (`descriptors: false`).
const CDK_WAYS = {
  'cdk-none': 'no rules',
  'cdk-nodesc': 'recommended, descriptors off',
  'cdk-ours': 'recommended, the CDK app read',
  'cdk-read': 'reading the CDK app alone',
};
const cdkFunctionCount = values.quick ? 20 : Number(values['cdk-functions']);
const cdkProject = await generateCdkProject(cdkProjectDir, cdkFunctionCount);
const cdkSamples = Object.fromEntries(Object.keys(CDK_WAYS).map((way) => [way, []]));
for (let run = 0; run < runs; run++) {
  for (const way of Object.keys(CDK_WAYS)) cdkSamples[way].push(measure(way, cdkProjectDir));
  process.stderr.write(`\rCDK app: run ${run + 1}/${runs}`);
}
process.stderr.write('\n');
const cdkWall = (way) => median(cdkSamples[way].map((sample) => sample.wall));
const cdkRules = (way) => median(cdkSamples[way].map((sample) => Object.values(sample.ruleTimes).reduce((sum, time) => sum + time, 0)));
const cdk = {
  files: cdkSamples['cdk-ours'][0].files,
  handlers: cdkProject.handlers.length,
  stacks: cdkProject.files.filter((file) => file.startsWith('lib/')).length,
  none: cdkWall('cdk-none'),
  withoutApp: cdkRules('cdk-nodesc'),
  withApp: cdkRules('cdk-ours'),
  read: cdkWall('cdk-read'),
  readFiles: cdkSamples['cdk-read'][0].files,
  reads: Math.max(...cdkSamples['cdk-ours'].map((sample) => sample.descriptorReads)),
  messagesWithout: cdkSamples['cdk-nodesc'][0].messages,
  messagesWith: cdkSamples['cdk-ours'][0].messages,
};
verdicts.push([`CDK app: cdk.json read ${cdk.reads} time(s) in a run over ${cdk.handlers} handler files (target 1)`, cdk.reads === 1]);

const versions = (name) => JSON.parse(readFileSync(path.join(here, '..', 'node_modules', name, 'package.json'), 'utf8')).version;
const lines = [
  '# Benchmark results',
  '',
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node.js ${process.version};`,
  `eslint ${versions('eslint')}, typescript ${versions('typescript')}, typescript-eslint ${versions('typescript-eslint')}, eslint-plugin-aws-lambda ${versions('../')}.`,
  `Medians of ${runs} run${runs === 1 ? '' : 's'} of each way, each in a fresh process; rule times from ESLint's \`stats\`.`,
  '',
  '## Typed linting (the whole project, `projectService`)',
  '',
  '| files | handler files | (a) no rules | (b) + ours | (c) + no-floating-promises | ours (rule time) | no-floating-promises (rule time) | ours / (a) | (b − a) / a (wall) | ours per handler file | ours per other file | checker queries: handler files / others |',
  '| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  ...sections.map((s) =>
    `| ${s.files} | ${s.handlerFiles} | ${ms(s.a)} | ${ms(s.b)} | ${ms(s.c)} | ${ms(s.ours)} | ${ms(s.floating)} | ${pct(s.ruleRatio)} | ${pct(s.wallRatio)} | ${s.perHandlerFile.toFixed(3)} ms | ${s.perOtherFile.toFixed(4)} ms | ${s.queriesHandler} / ${s.queriesOther} |`,
  ),
  '',
  '## Without type information (the plain JavaScript files, ESLint\'s own parser)',
  '',
  '| project files | JS files | handler files | (a′) no rules | (b′) + ours | ours (rule time) | ours / (a′) | ours per handler file | ours per other file | warm: (a′) | warm: ours | warm: ours / (a′) |',
  '| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  ...sections.map((s) =>
    `| ${s.files} | ${s.plainFiles} | ${s.plainHandlerFiles} | ${ms(s.aPlain)} | ${ms(s.bPlain)} | ${ms(s.oursPlain)} | ${pct(s.plainRuleRatio)} | ${s.plainPerHandlerFile.toFixed(3)} ms | ${s.plainPerOtherFile.toFixed(4)} ms | ${ms(s.aPlainWarm)} | ${ms(s.oursPlainWarm)} | ${pct(s.plainWarmRatio)} |`,
  ),
  '',
  'Other rules on the same JavaScript files, as yardsticks (rule time, and its share of (a′)):',
  '',
  '| JS files | (d′) + 5 no-op rules (wall) | (e′) one glance | (f′) ESLint\'s no-undef | (g′) ESLint\'s no-unused-vars | ours, all of them |',
  '| --: | --: | --: | --: | --: | --: |',
  ...sections.map((s) => {
    const share = (time) => `${time.toFixed(1)} ms (${pct(time / s.aPlain)})`;
    return `| ${s.plainFiles} | ${ms(s.dPlain)} | ${share(s.glance)} | ${share(s.noUndef)} | ${share(s.noUnusedVars)} | ${share(s.oursPlain)} |`;
  }),
  '',
  'How to read it: "ours" is our rules\' own time as ESLint\'s `stats` measure it, and the ratios use it.',
  '(b − a) / a compares wall times and also counts what ESLint does for any rule at all (the traversal',
  'and code path analysis it skips when no rule is on); (d′) measures that on plain JavaScript with five',
  'rules that do nothing, and (e′) the least a rule that looks for handlers can do: read the file name,',
  "the settings and the top-level statements. (f′) and (g′) are two of ESLint's own recommended rules,",
  'each alone on the same files: a yardstick for what one rule costs. "warm" lints the same files a',
  'second time in the same process, as an editor or a watch mode does, with every JIT compiler warmed up.',
  '',
  '## A CDK app (TypeScript parser, no type information)',
  '',
  `${cdk.handlers} \`NodejsFunction\`s in ${cdk.stacks} stack file${cdk.stacks === 1 ? '' : 's'}, each with its handler file (HTTP API routes and SQS workers on \`NODEJS_LATEST\`); ${cdk.files} files linted.`,
  '',
  '| (a) no rules (wall) | ours, descriptors off | ours, the app read | difference | reading the app alone | files the app reader parses | reports without / with the app |',
  '| --: | --: | --: | --: | --: | --: | --: |',
  `| ${ms(cdk.none)} | ${ms(cdk.withoutApp)} (${pct(cdk.withoutApp / cdk.none)}) | ${ms(cdk.withApp)} (${pct(cdk.withApp / cdk.none)}) | ${ms(cdk.withApp - cdk.withoutApp)} | ${ms(cdk.read)} | ${cdk.readFiles - 1} | ${cdk.messagesWithout} / ${cdk.messagesWith} |`,
  '',
  '"Reading the app alone" times the CDK reader in a fresh process once the TypeScript parser is loaded,',
  'as a lint run has it; it happens once per process, and again only when a file it read changes. The',
  'difference also holds what the facts it gives cost: more exports are handlers, and the runtime',
  'and integration of each are known.',
  '',
  '## oxlint with our rules (JavaScript plugins), against ESLint',
  '',
  '| project files | JS files | oxlint, whole process | ESLint, lintFiles | ESLint / oxlint | reports: oxlint / ESLint |',
  '| --: | --: | --: | --: | --: | --: |',
  `| ${oxlint.files} | ${oxlint.jsFiles} | ${ms(oxlint.oxlint)} | ${ms(oxlint.eslint)} | ${(oxlint.eslint / oxlint.oxlint).toFixed(1)}× | ${oxlint.oxlintReports} / ${oxlint.eslintReports} |`,
  '',
  'Both with `recommended` and no type information, on the plain JavaScript files of a generated project.',
  '',
  'Per rule (typed run, median total):',
  '',
  ...sections.flatMap((s) => [`- ${s.files} files: ${s.perRule.map(([rule, time]) => `${rule} ${time.toFixed(1)} ms`).join(', ')}`]),
  '',
  'Targets:',
  '',
  ...verdicts.map(([text, ok]) => `- ${ok ? 'met' : 'MISSED'}: ${text}`),
  '',
];
const table = lines.join('\n');
process.stdout.write(`${table}\n`);
if (!values.quick && !values['no-write']) writeFileSync(path.join(here, 'results.md'), table);
