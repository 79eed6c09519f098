// Regenerates src/contract/library-arity.ts: the `length` of the handler each library makes, by
// published version, on the Node.js that runs this script (a release whose engines exclude it is
// 'not built'). Node.js 24 runtimes refuse a handler whose `length` is 3 or more at start-up
// (Runtime.CallbackHandlerDeprecated), so a library that makes one breaks every function built with
// it. For each library, this installs published versions from the npm registry (with their
// dependencies, into a scratch folder), builds the handler as the library's README does, and reads
// `handler.length`. It measures the oldest and newest release of each major line and bisects between
// releases that differ, so it finds the first release that changes the arity.
//
//   node scripts/library-arity.js            every library (a few minutes)
//   node scripts/library-arity.js hono       one of them
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const output = path.join(root, 'src', 'contract', 'library-arity.ts');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(path.join(tmpdir(), 'library-arity-'));

/**
 * Each library: which releases to measure, how its README builds a handler (CommonJS, run in a folder
 * where the release is installed), and how the plugin recognises that call in a handler module.
 */
const LIBRARIES = [
  {
    package: '@vendia/serverless-express',
    releases: '>=4.0.0',
    build: `const serverlessExpress = require('@vendia/serverless-express');
const handler = serverlessExpress({ app: (req, res) => res.end('ok') });`,
    call: 'serverlessExpress({ app })',
    source: 'CodeGenieApp/serverless-express#707',
  },
  {
    package: '@codegenie/serverless-express',
    releases: '>=4.0.0',
    build: `const serverlessExpress = require('@codegenie/serverless-express');
const handler = serverlessExpress({ app: (req, res) => res.end('ok') });`,
    call: 'serverlessExpress({ app })',
    source: 'CodeGenieApp/serverless-express#707',
  },
  {
    package: '@h4ad/serverless-adapter',
    releases: '>=2.0.0',
    install: ['express@4'],
    build: `const { ServerlessAdapter } = require('@h4ad/serverless-adapter');
const { DefaultHandler } = require('@h4ad/serverless-adapter/handlers/default');
const { PromiseResolver } = require('@h4ad/serverless-adapter/resolvers/promise');
const { ApiGatewayV2Adapter } = require('@h4ad/serverless-adapter/adapters/aws');
const { ExpressFramework } = require('@h4ad/serverless-adapter/frameworks/express');
const handler = ServerlessAdapter.new(require('express')())
  .setFramework(new ExpressFramework())
  .setHandler(new DefaultHandler())
  .setResolver(new PromiseResolver())
  .addAdapter(new ApiGatewayV2Adapter())
  .build();`,
    call: 'ServerlessAdapter.new(app)...setHandler(new DefaultHandler())...build()',
    source: 'H4ad/serverless-adapter#378',
  },
  {
    package: '@slack/bolt',
    releases: '>=3.0.0',
    build: `const { App, AwsLambdaReceiver } = require('@slack/bolt');
const receiver = new AwsLambdaReceiver({ signingSecret: 'secret' });
new App({ token: 'xoxb-0', receiver, tokenVerificationEnabled: false });
const handler = receiver.toHandler();`,
    call: 'receiver.toHandler()',
    source: 'slackapi/bolt-js#2970',
  },
  {
    package: 'hono',
    module: 'hono/lambda-edge',
    releases: '>=3.0.0',
    build: `const { Hono } = await import('hono');
const { handle } = await import('hono/lambda-edge');
const handler = handle(new Hono());`,
    call: 'handle(app)',
    source: 'honojs/hono#4782',
  },
  {
    package: 'hono',
    module: 'hono/aws-lambda',
    releases: '>=3.0.0',
    build: `const { Hono } = await import('hono');
const { handle } = await import('hono/aws-lambda');
const handler = handle(new Hono());`,
    call: 'handle(app)',
    source: 'honojs/hono#4772',
  },
  {
    package: 'middy',
    releases: '>=0.15.0',
    build: `const middy = require('middy');
const handler = middy(async (event) => event);`,
    call: 'middy(fn)',
    source: 'middy 2.0 release notes',
  },
  {
    package: '@middy/core',
    releases: '>=1.0.0',
    // ESM only from 5.0 (no \`require\` export): imported.
    build: `const { default: middy } = await import('@middy/core');
const handler = middy(async (event) => event);`,
    call: 'middy(fn)',
    source: 'middy 2.0 release notes',
  },
];

const compare = (a, b) => {
  const [x, y] = [a, b].map((version) => version.split('.').map(Number));
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};
const atLeast = (version, floor) => compare(version, floor.replace(/^>=/u, '')) >= 0;

/** `handler.length` of one release, or a string saying why it could not be built. */
function measure(library, version) {
  const folder = path.join(work, `${library.package.replace('/', '+')}@${version}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'package.json'), '{"private":true}');
  try {
    execFileSync(
      npm,
      ['install', '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--silent', `${library.package}@${version}`, ...(library.install ?? [])],
      { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    // An ES module, so that a build may \`await import()\` an ESM-only release or \`require\` a CommonJS one.
    const prelude = "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\n";
    writeFileSync(path.join(folder, 'build.mjs'), `${prelude}${library.build}\nconsole.log('arity=' + handler.length);\n`);
    const printed = execFileSync(process.execPath, ['build.mjs'], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 60_000 });
    const arity = /^arity=(\d+)$/mu.exec(printed)?.[1];
    return arity === undefined ? 'not built' : Number(arity);
  } catch {
    return 'not built';
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function measureLibrary(library) {
  const releases = JSON.parse(execFileSync(npm, ['view', library.package, 'versions', '--json'], { encoding: 'utf8' }))
    .filter((version) => /^\d+\.\d+\.\d+$/u.test(version) && atLeast(version, library.releases))
    .sort(compare);
  const cache = new Map();
  const arity = (index) => {
    const version = releases[index];
    if (!cache.has(version)) {
      cache.set(version, measure(library, version));
      console.log(`${library.module ?? library.package}@${version}: ${cache.get(version)}`);
    }
    return cache.get(version);
  };
  // The first and last release of each major line, then bisection where two measured releases differ.
  const majors = [...new Set(releases.map((version) => version.split('.')[0]))];
  const anchors = majors.flatMap((major) => {
    const indexes = releases.flatMap((version, index) => (version.split('.')[0] === major ? [index] : []));
    return [...new Set([indexes[0], indexes.at(-1)])];
  });
  const boundaries = [];
  const bisect = (low, high) => {
    if (arity(low) === arity(high)) return;
    if (high - low === 1) {
      boundaries.push(high);
      return;
    }
    const middle = Math.floor((low + high) / 2);
    bisect(low, middle);
    bisect(middle, high);
  };
  for (let index = 1; index < anchors.length; index++) bisect(anchors[index - 1], anchors[index]);
  // Spans of equal arity, from the first release measured.
  const starts = [anchors[0], ...boundaries.sort((a, b) => a - b)];
  return starts.map((start, index) => ({
    from: releases[start],
    to: index + 1 < starts.length ? releases[starts[index + 1]] : undefined,
    arity: arity(start),
  }));
}

const only = process.argv[2];
const rows = [];
try {
  for (const library of LIBRARIES) {
    if (only && library.package !== only && library.module !== only) continue;
    for (const span of measureLibrary(library)) rows.push({ library, span });
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (only) process.exit(0);

const quote = (text) => `'${text.replaceAll("'", "\\'")}'`;
writeFileSync(
  output,
  `// Generated by scripts/library-arity.js from the published releases (measured ${new Date().toISOString().slice(0, 10)}). Do not edit.

/**
 * The \`length\` of the handler a library makes, by release: Node.js 24 refuses a handler whose length
 * is 3 or more at start-up (Runtime.CallbackHandlerDeprecated). Each span holds from \`from\` up to,
 * not including, \`to\` (no \`to\`: every later release measured). \`arity\` is what the build printed,
 * or 'not built' where the README's code does not run on that release.
 */
export interface LibraryArity {
  /** The package whose version decides. */
  readonly package: string;
  /** The module the handler is made from, when it is not the package itself. */
  readonly module: string;
  /** How the README makes the handler. */
  readonly call: string;
  readonly from: string;
  readonly to: string | undefined;
  readonly arity: number | 'not built';
  /** Where the problem was reported. */
  readonly source: string;
}

export const LIBRARY_ARITY: readonly LibraryArity[] = [
${rows
  .map(
    ({ library, span }) =>
      `  { package: ${quote(library.package)}, module: ${quote(library.module ?? library.package)}, call: ${quote(library.call)}, from: ${quote(span.from)}, to: ${span.to ? quote(span.to) : 'undefined'}, arity: ${typeof span.arity === 'number' ? span.arity : quote(span.arity)}, source: ${quote(library.source)} },`,
  )
  .join('\n')}
];
`,
);
console.log(`wrote ${path.relative(root, output)}`);
