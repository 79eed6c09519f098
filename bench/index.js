// npm run bench: what the plugin's rules cost, measured side by side in one run.
//
//   npm run bench                          every profile, 3 runs of each way, writes bench/results.md
//   npm run bench -- --profile serverless  one profile (serverless, five-percent, cdk, oxlint, editor;
//                                          a comma-separated list for several)
//   npm run bench -- --files 8000          one size instead of the profile's sizes
//   npm run bench -- --quick               small sizes, 1 run, nothing written (CI proves that it works)
//   npm run bench -- --cdk-functions 400   the CDK app's size (200 functions unless told)
//
// The profiles: a serverless repository (bench/generate-serverless.js: a SAM template, a folder per
// function, about 70% of the files handlers) at 500, 2,000 and 8,000 files, where the cost per handler
// file must stay flat; a general project with 5% handlers (bench/generate.js) at 2,000 files; a CDK app;
// oxlint against ESLint; and the editor (bench/editor.js). Each measurement runs in a fresh process
// (bench/measure.js), so that no run profits from the warm TypeScript program of another. The ways are
// run in turn, run after run, and medians are compared.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import awsLambda from '../dist/index.js';
import { measureEditor } from './editor.js';
import { generateCdkProject } from './generate-cdk.js';
import { generateProject } from './generate.js';
import { generateServerlessProject } from './generate-serverless.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const PROFILES = ['serverless', 'five-percent', 'cdk', 'oxlint', 'editor'];
const { values } = parseArgs({
  options: {
    files: { type: 'string' },
    runs: { type: 'string', default: '3' },
    profile: { type: 'string', default: PROFILES.join(',') },
    quick: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    'cdk-functions': { type: 'string', default: '200' },
  },
});
const profiles = new Set(values.profile.split(',').map((name) => name.trim()));
for (const name of profiles) {
  if (!PROFILES.includes(name)) throw new Error(`--profile: unknown profile ${name} (one of ${PROFILES.join(', ')})`);
}
const runs = values.quick ? 1 : Number(values.runs);
const sizesOf = (defaults) => (values.quick ? [100] : values.files ? values.files.split(',').map(Number) : defaults);

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${value.toFixed(0)} ms`;
/** What a difference of medians does to a time, in words: "add 3 ms to", or for a faster median "take 1 ms from". */
const difference = (value) => (value >= 0 ? `add ${ms(value)} to` : `take ${ms(-value)} from`);
const pct = (value) => `${(value * 100).toFixed(2)}%`;

function measure(way, dir) {
  const output = execFileSync(process.execPath, [path.join(here, 'measure.js'), dir, way], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(output);
}

/** Every way, run after run, in turn: samples by way. */
function sample(label, dir, ways) {
  const samples = Object.fromEntries(ways.map((way) => [way, []]));
  for (let run = 0; run < runs; run++) {
    for (const way of ways) samples[way].push(measure(way, dir));
    process.stderr.write(`\r${label}: run ${run + 1}/${runs}`);
  }
  process.stderr.write('\n');
  return samples;
}

/** The median wall time of a way over its runs. */
const medianWall = (samples, way) => median(samples[way].map((entry) => entry.wall));
/** The median over runs of the summed time of the rules whose names start with `prefix` (every rule for ''). */
const medianRuleTime = (samples, way, prefix = '') =>
  samples[way]
    ? median(samples[way].map((entry) => Object.entries(entry.ruleTimes).filter(([rule]) => rule.startsWith(prefix)).reduce((sum, [, time]) => sum + time, 0)))
    : NaN;

/** What one size of a profile measured: wall times, rule times, costs per file, checker queries. */
function summarize(size, samples, project) {
  const wall = (way) => medianWall(samples, way);
  const ruleTotal = (way, prefix) => medianRuleTime(samples, way, prefix);
  /** Median over runs of our rules' mean time per file, for files with handlers or without. */
  const perFileCost = (withHandlers, way) =>
    median(
      samples[way].map((entry) => {
        const files = Object.values(entry.perFile).filter((file) => (file.handlers > 0) === withHandlers);
        return files.reduce((sum, file) => sum + file.ours, 0) / Math.max(1, files.length);
      }),
    );
  const last = samples['typed-ours'].at(-1);
  const files = Object.values(last.perFile);
  const queries = (withHandlers) => files.filter((file) => (file.handlers > 0) === withHandlers).reduce((sum, file) => sum + file.queries, 0);
  const plainLast = samples['plain-ours'].at(-1);
  return {
    size,
    files: last.files,
    handlers: project.handlers.length,
    handlerFiles: files.filter((file) => file.handlers > 0).length,
    a: wall('typed-none'),
    b: wall('typed-ours'),
    c: wall('typed-floating'),
    ours: ruleTotal('typed-ours', 'aws-lambda/'),
    floating: ruleTotal('typed-floating', '@typescript-eslint/no-floating-promises'),
    perHandlerFile: perFileCost(true, 'typed-ours'),
    perOtherFile: perFileCost(false, 'typed-ours'),
    queriesHandler: queries(true),
    queriesOther: queries(false),
    perRule: Object.keys(last.ruleTimes)
      .filter((rule) => rule.startsWith('aws-lambda/'))
      .map((rule) => [rule, median(samples['typed-ours'].map((entry) => entry.ruleTimes[rule] ?? 0))]),
    descriptorReads: Math.max(...Object.values(samples).flat().map((entry) => entry.descriptorReads)),
    plainFiles: plainLast.files,
    plainHandlerFiles: Object.values(plainLast.perFile).filter((file) => file.handlers > 0).length,
    aPlain: wall('plain-none'),
    bPlain: wall('plain-ours'),
    oursPlain: ruleTotal('plain-ours', 'aws-lambda/'),
    noUnusedVars: ruleTotal('plain-no-unused-vars', 'no-unused-vars'),
    plainPerHandlerFile: perFileCost(true, 'plain-ours'),
    plainPerOtherFile: perFileCost(false, 'plain-ours'),
    samples,
  };
}

const verdicts = [];
const judge = (text, ok) => verdicts.push([text, ok]);

// The serverless profile: most files are handlers, named by a SAM template.
const SERVERLESS_WAYS = ['typed-none', 'typed-ours', 'typed-floating', 'plain-none', 'plain-ours', 'plain-no-unused-vars'];
const serverless = [];
if (profiles.has('serverless')) {
  const dir = path.join(here, 'project-serverless');
  for (const size of sizesOf([500, 2000, 8000])) {
    const project = await generateServerlessProject(dir, size);
    const result = summarize(size, sample(`serverless, ${size} files`, dir, SERVERLESS_WAYS), project);
    serverless.push(result);
    judge(`serverless, ${size} files: our rules ${ms(result.ours)}, no-floating-promises ${ms(result.floating)} (target: less)`, result.ours < result.floating);
    judge(`serverless, ${size} files: our rules add ${pct(result.ours / result.a)} to the typed run (target ≤ 6%)`, result.ours / result.a <= 0.06);
    judge(
      `serverless, ${size} files, untyped: our rules ${ms(result.oursPlain)}, ESLint's no-unused-vars ${ms(result.noUnusedVars)} (target: no more)`,
      result.oursPlain <= result.noUnusedVars,
    );
    judge(`serverless, ${size} files: ${result.queriesOther} checker queries in files without a handler (target 0)`, result.queriesOther === 0);
    judge(
      `serverless, ${size} files: template.yaml read ${result.descriptorReads} time(s) in a run over ${result.handlerFiles} handler files (target 1)`,
      result.descriptorReads === 1,
    );
  }
  if (serverless.length > 1) {
    const [first, lastSize] = [serverless[0], serverless.at(-1)];
    for (const [label, key] of [['typed', 'perHandlerFile'], ['untyped', 'plainPerHandlerFile']]) {
      const growth = lastSize[key] / first[key];
      judge(
        `serverless, ${label}: cost per handler file ${first[key].toFixed(3)} ms at ${first.size} files, ${lastSize[key].toFixed(3)} ms at ${lastSize.size} (target: flat, at most 1.25 times)`,
        growth <= 1.25,
      );
    }
  }
}

// The general project: 5% handlers, and the yardsticks that say what a rule costs ESLint at all.
const FIVE_PERCENT_WAYS = [
  ...SERVERLESS_WAYS,
  'plain-null',
  'plain-glance',
  'plain-no-undef',
  'plain-none-warm',
  'plain-ours-warm',
];
const fivePercent = [];
if (profiles.has('five-percent')) {
  const dir = path.join(here, 'project');
  for (const size of sizesOf([2000])) {
    const project = await generateProject(dir, size);
    const samples = sample(`5% handlers, ${size} files`, dir, FIVE_PERCENT_WAYS);
    const result = summarize(size, samples, project);
    Object.assign(result, {
      dPlain: medianWall(samples, 'plain-null'),
      glance: medianRuleTime(samples, 'plain-glance', 'null/glance'),
      noUndef: medianRuleTime(samples, 'plain-no-undef', 'no-undef'),
      aPlainWarm: medianWall(samples, 'plain-none-warm'),
      oursPlainWarm: medianRuleTime(samples, 'plain-ours-warm', 'aws-lambda/'),
    });
    fivePercent.push(result);
    judge(`5% handlers, ${size} files: our rules add ${pct(result.ours / result.a)} to the typed run (target ≤ 3%)`, result.ours / result.a <= 0.03);
    judge(`5% handlers, ${size} files: our rules ${ms(result.ours)}, no-floating-promises ${ms(result.floating)} (target: less)`, result.ours < result.floating);
    judge(
      `5% handlers, ${size} files, untyped: our rules ${ms(result.oursPlain)}, ESLint's no-unused-vars ${ms(result.noUnusedVars)} (target: no more)`,
      result.oursPlain <= result.noUnusedVars,
    );
    judge(`5% handlers, ${size} files: ${result.queriesOther} checker queries in files without a handler (target 0)`, result.queriesOther === 0);
  }
}

// oxlint's JavaScript plugins against ESLint, both with our recommended rules and no type information,
// on the plain JavaScript of a generated serverless repository. oxlint skips what a .gitignore names
// (bench/project* is), so this copy is generated outside the repository. oxlint's time is its whole
// process, start-up included; ESLint's is its lintFiles call alone.
let oxlint;
if (profiles.has('oxlint')) {
  const oxlintDir = path.join(os.tmpdir(), 'aws-lambda-bench-oxlint');
  const oxlintSize = values.quick ? 100 : 2000;
  await generateServerlessProject(oxlintDir, oxlintSize);
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
    const result = spawnSync(process.execPath, [oxlintBin, '-c', '.oxlintrc.json', '-f', 'json', 'src', 'tests'], {
      cwd: oxlintDir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    oxlintSamples.push({ wall: performance.now() - start, reports: JSON.parse(result.stdout).diagnostics.length });
    eslintSamples.push(measure('plain-ours', oxlintDir));
    process.stderr.write(`\roxlint: run ${run + 1}/${runs}`);
  }
  process.stderr.write('\n');
  oxlint = {
    files: oxlintSize,
    jsFiles: eslintSamples[0].files,
    oxlint: median(oxlintSamples.map((entry) => entry.wall)),
    eslint: median(eslintSamples.map((entry) => entry.wall)),
    oxlintReports: oxlintSamples[0].reports,
    eslintReports: Object.values(eslintSamples[0].perFile).reduce((sum, file) => sum + file.messages, 0),
  };
  judge(`oxlint: ${oxlint.oxlintReports} reports, ESLint ${oxlint.eslintReports} on the same files (target: the same)`, oxlint.oxlintReports === oxlint.eslintReports);
}

// The CDK profile: an app whose stacks declare every function, linted without type information (the
// TypeScript parser alone), with the app read and without it (`descriptors: false`).
let cdk;
if (profiles.has('cdk')) {
  const cdkProjectDir = path.join(here, 'project-cdk');
  const cdkProject = await generateCdkProject(cdkProjectDir, values.quick ? 20 : Number(values['cdk-functions']));
  const cdkSamples = sample('CDK app', cdkProjectDir, ['cdk-none', 'cdk-nodesc', 'cdk-ours', 'cdk-read']);
  const cdkWall = (way) => medianWall(cdkSamples, way);
  const cdkRules = (way) => medianRuleTime(cdkSamples, way);
  cdk = {
    files: cdkSamples['cdk-ours'][0].files,
    handlers: cdkProject.handlers.length,
    stacks: cdkProject.files.filter((file) => file.startsWith('lib/')).length,
    none: cdkWall('cdk-none'),
    withoutApp: cdkRules('cdk-nodesc'),
    withApp: cdkRules('cdk-ours'),
    read: cdkWall('cdk-read'),
    readFiles: cdkSamples['cdk-read'][0].files,
    reads: Math.max(...cdkSamples['cdk-ours'].map((entry) => entry.descriptorReads)),
    messagesWithout: cdkSamples['cdk-nodesc'][0].messages,
    messagesWith: cdkSamples['cdk-ours'][0].messages,
  };
  judge(`CDK app: cdk.json read ${cdk.reads} time(s) in a run over ${cdk.handlers} handler files (target 1)`, cdk.reads === 1);
}

// The editor: the VS Code ESLint language server, from an edit of a 300-line typed handler file to
// its new diagnostics, with our rules and without.
let editor;
if (profiles.has('editor')) {
  editor = await measureEditor({ edits: values.quick ? 3 : 30, log: (text) => process.stderr.write(text) });
  const found = editor.setups.filter((setup) => setup.ours).map((setup) => setup.diagnostics);
  judge(`editor: our rules' diagnostics on the edited file: ${found.join(' and ')} (target: 1 in each, the route that answers an object as body)`, found.every((count) => count === 1));
}

const versions = (name) => JSON.parse(readFileSync(path.join(here, '..', 'node_modules', name, 'package.json'), 'utf8')).version;
const typedTable = (results) => [
  '| files | handler files | (a) no rules | (b) + ours | (c) + no-floating-promises | ours (rule time) | no-floating-promises (rule time) | ours / no-floating-promises | ours / (a) | ours per handler file | ours per other file | checker queries: handler files / others |',
  '| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  ...results.map(
    (r) =>
      `| ${r.files} | ${r.handlerFiles} | ${ms(r.a)} | ${ms(r.b)} | ${ms(r.c)} | ${ms(r.ours)} | ${ms(r.floating)} | ${(r.ours / r.floating).toFixed(2)} | ${pct(r.ours / r.a)} | ${r.perHandlerFile.toFixed(3)} ms | ${r.perOtherFile.toFixed(4)} ms | ${r.queriesHandler} / ${r.queriesOther} |`,
  ),
];
const untypedTable = (results) => [
  '| project files | JS files | handler files | (a′) no rules | (b′) + ours | ours (rule time) | (g′) no-unused-vars (rule time) | ours / no-unused-vars | ours / (a′) | ours per handler file | ours per other file |',
  '| --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |',
  ...results.map(
    (r) =>
      `| ${r.files} | ${r.plainFiles} | ${r.plainHandlerFiles} | ${ms(r.aPlain)} | ${ms(r.bPlain)} | ${ms(r.oursPlain)} | ${ms(r.noUnusedVars)} | ${(r.oursPlain / r.noUnusedVars).toFixed(2)} | ${pct(r.oursPlain / r.aPlain)} | ${r.plainPerHandlerFile.toFixed(3)} ms | ${r.plainPerOtherFile.toFixed(4)} ms |`,
  ),
];
const profileTables = (results) => ['### Typed', '', ...typedTable(results), '', '### Untyped', '', ...untypedTable(results), ''];
const perRule = (label, results) => results.map((r) => `- ${label}, ${r.files} files: ${r.perRule.map(([rule, time]) => `${rule.replace('aws-lambda/', '')} ${time.toFixed(1)} ms`).join(', ')}`);

const lines = [
  '# Benchmark results',
  '',
  `Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; Node.js ${process.version};`,
  `eslint ${versions('eslint')}, typescript ${versions('typescript')}, typescript-eslint ${versions('typescript-eslint')}, eslint-plugin-aws-lambda ${versions('../')}.`,
  `Medians of ${runs} run${runs === 1 ? '' : 's'} of each way, each in a fresh process; rule times from ESLint's \`stats\`.`,
  '"Ours" is the `recommended` rules together. Typed runs use `projectService`; untyped runs lint the',
  "JavaScript files with ESLint's own parser.",
  '',
];
if (serverless.length > 0) {
  lines.push(
    '## A serverless repository (about 70% of the files handlers)',
    '',
    'A SAM `template.yaml` with one function per handler, each handler in its own folder',
    '(`src/functions/<name>/index.ts`), a `src/libs/` of response builders, clients and helpers, and',
    'unit tests: 19 handler styles (REST, HTTP API, Function URL, ALB, SQS, SNS, S3, schedules, streams,',
    'middy, callbacks, `context.succeed`, defects among them) in TypeScript, ES modules and CommonJS.',
    '',
    ...profileTables(serverless),
  );
}
if (fivePercent.length > 0) {
  lines.push(
    '## A general project (5% of the files handlers)',
    '',
    ...profileTables(fivePercent),
    'Yardsticks on the same JavaScript files (rule time, and its share of (a′)):',
    '',
    "| JS files | (d′) + 5 no-op rules (wall) | (e′) one glance | (f′) ESLint's no-undef | (g′) ESLint's no-unused-vars | ours | warm: (a′) | warm: ours |",
    '| --: | --: | --: | --: | --: | --: | --: | --: |',
    ...fivePercent.map((r) => {
      const share = (time) => `${time.toFixed(1)} ms (${pct(time / r.aPlain)})`;
      return `| ${r.plainFiles} | ${ms(r.dPlain)} | ${share(r.glance)} | ${share(r.noUndef)} | ${share(r.noUnusedVars)} | ${share(r.oursPlain)} | ${ms(r.aPlainWarm)} | ${ms(r.oursPlainWarm)} |`;
    }),
    '',
    '(d′) measures what any five rules cost ESLint (the traversal and code path analysis it skips when no',
    'rule is on); (e′) the least a rule that looks for handlers can do: read the file name, the settings',
    'and the top-level statements. "warm" lints the same files a second time in the same process, as an',
    'editor or a watch mode does.',
    '',
  );
}
if (cdk) {
  lines.push(
    '## A CDK app (TypeScript parser, no type information)',
    '',
    `${cdk.handlers} \`NodejsFunction\`s in ${cdk.stacks} stack file${cdk.stacks === 1 ? '' : 's'}, each with its handler file (HTTP API routes and SQS workers on \`NODEJS_LATEST\`); ${cdk.files} files linted.`,
    '',
    '| (a) no rules (wall) | ours, descriptors off | ours, the app read | difference | reading the app alone | files the app reader parses | reports without / with the app |',
    '| --: | --: | --: | --: | --: | --: | --: |',
    `| ${ms(cdk.none)} | ${ms(cdk.withoutApp)} (${pct(cdk.withoutApp / cdk.none)}) | ${ms(cdk.withApp)} (${pct(cdk.withApp / cdk.none)}) | ${ms(cdk.withApp - cdk.withoutApp)} | ${ms(cdk.read)} | ${cdk.readFiles - 1} | ${cdk.messagesWithout} / ${cdk.messagesWith} |`,
    '',
    '"Reading the app alone" times the CDK reader in a fresh process once the TypeScript parser is loaded,',
    'as a lint run has it; it happens once per process, and again only when a file it read changes.',
    '',
  );
}
if (oxlint) {
  lines.push(
    '## oxlint with our rules (JavaScript plugins), against ESLint',
    '',
    '| project files | JS files | oxlint, whole process | ESLint, lintFiles | ESLint / oxlint | reports: oxlint / ESLint |',
    '| --: | --: | --: | --: | --: | --: |',
    `| ${oxlint.files} | ${oxlint.jsFiles} | ${ms(oxlint.oxlint)} | ${ms(oxlint.eslint)} | ${(oxlint.eslint / oxlint.oxlint).toFixed(1)}× | ${oxlint.oxlintReports} / ${oxlint.eslintReports} |`,
    '',
    'Both with `recommended` and no type information, on the JavaScript files of the serverless repository.',
    '',
  );
}
if (editor) {
  const [alone, aloneOurs, floating, floatingOurs] = editor.setups;
  lines.push(
    '## The editor (the VS Code ESLint language server)',
    '',
    `A ${editor.lines}-line typed handler file (a router of 16 routes) in a serverless repository of ${editor.projectFiles} files, with`,
    `the README's typed set-up; ${editor.edits} edits, each a changed line followed by the request for the file's`,
    "diagnostics that VS Code sends while typing, timed from the edit to the diagnostics' arrival.",
    '',
    '| server | our diagnostics | median | 90th percentile | first open (cold) |',
    '| --- | --: | --: | --: | --: |',
    ...editor.setups.map((setup) => `| ${setup.name} | ${setup.diagnostics} | ${ms(setup.median)} | ${ms(setup.p90)} | ${ms(setup.first)} |`),
    '',
    `Our rules ${difference(aloneOurs.median - alone.median)} the median edit where no other rule asks the type checker anything,`,
    `and ${difference(floatingOurs.median - floating.median)} it beside no-floating-promises, which makes the checker answer first.`,
    '',
  );
}
lines.push(
  'Per rule (typed runs, median total):',
  '',
  ...perRule('serverless', serverless),
  ...perRule('5% handlers', fivePercent),
  '',
  'Targets:',
  '',
  ...verdicts.map(([text, ok]) => `- ${ok ? 'met' : 'MISSED'}: ${text}`),
  '',
);
const table = lines.join('\n');
process.stdout.write(`${table}\n`);
if (!values.quick && !values['no-write']) writeFileSync(path.join(here, 'results.md'), table);
