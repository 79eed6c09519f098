// The version matrix: the end-to-end tests (the editor's language server, the eslint CLI with --fix,
// --cache and --concurrency, shared configs, ESM and CommonJS configs) and a type check of a config
// that imports the plugin, against ESLint 9.39 and 10 and TypeScript 5.4, 5.9 and 6.0, each in a
// project that installs those versions and the packed plugin, as a user's project does.
//
//   npm run test:matrix
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const matrixDir = path.join(root, 'tests', '.tmp', 'matrix');
const own = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
// The oldest of each peer range (ESLint 9.39, TypeScript 5.4), the newest, and the two between.
const COMBINATIONS = [
  { eslint: '~9.39.0', typescript: '~5.4.0' },
  { eslint: '~9.39.0', typescript: '~5.9.0' },
  { eslint: '~9.39.0', typescript: '~6.0.0' },
  { eslint: '^10.0.0', typescript: '~5.9.0' },
  { eslint: '^10.0.0', typescript: '~6.0.0' },
];
const run = (command, args, options = {}) => execFileSync(command, args, { stdio: 'inherit', ...options });
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

rmSync(matrixDir, { recursive: true, force: true });
mkdirSync(matrixDir, { recursive: true });
const tarball = execFileSync(npm, ['pack', '--silent', '--pack-destination', matrixDir], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1);

const failures = [];
for (const versions of COMBINATIONS) {
  const name = `eslint${versions.eslint.replace(/[~^]/gu, '')}-typescript${versions.typescript.replace(/[~^]/gu, '')}`;
  const project = path.join(matrixDir, name);
  mkdirSync(project);
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify(
      {
        name: `matrix-${name}`,
        private: true,
        type: 'module',
        devDependencies: {
          eslint: versions.eslint,
          typescript: versions.typescript,
          'typescript-eslint': own.devDependencies['typescript-eslint'],
          '@types/aws-lambda': own.devDependencies['@types/aws-lambda'],
          '@types/node': own.devDependencies['@types/node'],
          'eslint-plugin-aws-lambda': `file:../${tarball}`,
        },
      },
      null,
      2,
    ),
  );
  console.log(`\n== ${name}`);
  run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: project });
  const installed = (pkg) => JSON.parse(readFileSync(path.join(project, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  console.log(`eslint ${installed('eslint')}, typescript ${installed('typescript')}`);
  // The plugin from import and from require, in this project.
  run(process.execPath, ['--input-type=module', '-e', "import p from 'eslint-plugin-aws-lambda'; if (!p.configs.recommended) process.exit(1);"], { cwd: project });
  run(process.execPath, ['-e', "const p = require('eslint-plugin-aws-lambda'); if (!p.configs.recommended) process.exit(1);"], { cwd: project });
  // The shipped types compile with this TypeScript: a config file that imports the plugin.
  writeFileSync(
    path.join(project, 'typecheck.ts'),
    "import awsLambda from 'eslint-plugin-aws-lambda';\nimport type { Linter } from 'eslint';\nexport const config: Linter.Config[] = [awsLambda.configs.recommended];\n",
  );
  writeFileSync(
    path.join(project, 'tsconfig.typecheck.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['typecheck.ts'] }),
  );
  try {
    run(process.execPath, [path.join(project, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.typecheck.json'], { cwd: project });
  } catch {
    failures.push(`${name} (types)`);
  }
  try {
    run(process.execPath, [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'tests/e2e/editor.test.ts', 'tests/e2e/eslint-cli.test.ts', '--reporter=dot', '--outputFile.json=.vitest/matrix.json'], {
      cwd: root,
      env: { ...process.env, AWS_LAMBDA_E2E_ROOT: project },
    });
  } catch {
    failures.push(name);
  }
}
console.log(failures.length === 0 ? `\nVersion matrix: ${COMBINATIONS.length} passed, 0 failed` : `\nVersion matrix: ${failures.length} failed: ${failures.join(', ')}`);
process.exitCode = failures.length === 0 ? 0 : 1;
