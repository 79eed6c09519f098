import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

// Every config snippet of the README and the docs (a ```js block that starts `// eslint.config.js`)
// works as written: it is saved as the eslint.config.js of a small project, and ESLint lints that
// project with it, with no parse error and a report on each handler the snippet's files cover. The
// project sits inside this repository without a package.json of its own, so that
// `import awsLambda from 'eslint-plugin-aws-lambda'` resolves to this package, as it would installed.
const root = path.join(import.meta.dirname, '..', '..');
const scratch = path.join(root, 'tests', '.tmp');
mkdirSync(scratch, { recursive: true });
const work = mkdtempSync(path.join(scratch, 'snippets-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

const pages = ['README.md', ...readdirSync(path.join(root, 'docs', 'rules')).map((name) => path.join('docs', 'rules', name))];
const snippets = pages.flatMap((page) => {
  const text = readFileSync(path.join(root, page), 'utf8');
  return [...text.matchAll(/^```js\n(\/\/ eslint\.config\.js\n[\s\S]*?)^```$/gmu)].map((match) => ({
    where: `${page}:${text.slice(0, match.index).split('\n').length}`,
    code: match[1]!,
  }));
});

/** A handler with a defect every config reports (`body` must be a string), in each place a snippet's files may name. */
const BROKEN = `export const handler = async (event) => ({ statusCode: 200, body: { path: event.path } });\n`;
const HANDLERS = ['src/handlers/items.mjs', 'src/api/items.mjs', 'src/items.ts'];

describe('the config snippets of the README and the docs', () => {
  it('are found', () => {
    expect(snippets.map((snippet) => snippet.where.split(':')[0])).toEqual(['README.md', 'README.md', 'README.md', 'README.md', 'docs/rules/require-await.md']);
  });

  it.each(snippets)('$where works as written', async ({ code }) => {
    const project = mkdtempSync(path.join(work, 'project-'));
    writeFileSync(path.join(project, 'eslint.config.js'), code);
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2022', strict: true, allowJs: true, noEmit: true, types: ['node', 'aws-lambda'] }, include: ['src'] }),
    );
    for (const file of HANDLERS) {
      mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      writeFileSync(path.join(project, file), BROKEN);
    }
    const results = await new ESLint({ cwd: project }).lintFiles(['.']);
    const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal === true).map((message) => `${path.relative(project, result.filePath)}: ${message.message}`));
    expect(fatal).toEqual([]);
    const reported = results.filter((result) => result.messages.some((message) => message.ruleId === 'aws-lambda/valid-proxy-response'));
    expect(reported.length).toBeGreaterThan(0);
  });
});
