import { readFileSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../rule-tester.js';
import { scratchDirectory } from '../support/e2e-root.js';
import { applyEdit, type Diagnostic, EslintLanguageServer } from '../support/lsp-client.js';

/**
 * The editor: the ESLint language server of the VS Code ESLint extension, on a project that uses the
 * README's typed-linting set-up, with one TypeScript and one JavaScript handler.
 */
let workspace = '';
let apiFile = '';
let legacyFile = '';
let server: EslintLanguageServer;

beforeAll(async () => {
  workspace = await scratchDirectory('editor-');
  await cp(path.join(fixturesDir, 'editor-project'), workspace, { recursive: true });
  apiFile = path.join(workspace, 'handlers', 'api.ts');
  legacyFile = path.join(workspace, 'handlers', 'legacy.js');
  server = new EslintLanguageServer(workspace);
  await server.initialize();
}, 60_000);
afterAll(async () => {
  await server.close();
  await rm(workspace, { recursive: true, force: true });
});

const summary = (diagnostic: Diagnostic) => ({
  rule: typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code,
  range: [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
  message: diagnostic.message,
});

describe('the VS Code ESLint language server', () => {
  it('shows the TypeScript handler\'s diagnostic, offers the fix, and clears it after the change', async () => {
    const text = readFileSync(apiFile, 'utf8');
    const diagnostics = await server.open(apiFile, text, 'typescript');
    expect(diagnostics.map(summary), server.log.join('\n')).toEqual([
      {
        rule: 'aws-lambda/valid-proxy-response',
        range: [4, 34, 4, 38],
        message: 'API Gateway (REST) answers 502 "Malformed Lambda proxy response": `body` must be a string, not an object.',
      },
    ]);
    const actions = await server.codeActions(apiFile, diagnostics[0]!);
    const fix = actions.find((action) => action.title === 'Fix this aws-lambda/valid-proxy-response problem');
    expect(fix, actions.map((action) => action.title).join(', ')).toBeDefined();
    const fixed = applyEdit(text, pathToFileURL(apiFile).href, await server.editOf(fix!));
    expect(fixed).toBe(text.replace('body: item', 'body: JSON.stringify(item)'));
    expect(await server.change(apiFile, fixed)).toEqual([]);
  }, 60_000);

  it('shows the JavaScript handler\'s diagnostic and offers the fix', async () => {
    const text = readFileSync(legacyFile, 'utf8');
    const diagnostics = await server.open(legacyFile, text, 'javascript');
    expect(diagnostics.map(summary)).toEqual([
      {
        rule: 'aws-lambda/require-async-handler',
        range: [0, 23, 0, 33],
        message:
          'This handler returns an object but is not async: on Node.js 22 and earlier the Lambda runtime ignores the returned value and answers `null` once the event loop is empty (API Gateway logs "Endpoint response body before transformations: null" and answers 502), or answers nothing until the function times out while a timer or socket stays open.',
      },
    ]);
    const actions = await server.codeActions(legacyFile, diagnostics[0]!);
    const fix = actions.find((action) => action.title === 'Fix this aws-lambda/require-async-handler problem');
    expect(applyEdit(text, pathToFileURL(legacyFile).href, await server.editOf(fix!))).toBe(text.replace('= (event)', '= async (event)'));
  }, 60_000);

  it('offers a suggestion as a code action, with the text it makes', async () => {
    const file = path.join(workspace, 'handlers', 'callback.js');
    const text = readFileSync(file, 'utf8');
    const diagnostics = await server.open(file, text, 'javascript');
    expect(diagnostics.map((diagnostic) => summary(diagnostic).rule)).toEqual(['aws-lambda/no-callback-handler']);
    const actions = await server.codeActions(file, diagnostics[0]!);
    const suggestion = actions.find((action) => action.title.startsWith('Convert to an async handler'));
    expect(suggestion, actions.map((action) => action.title).join(', ')).toBeDefined();
    expect(applyEdit(text, pathToFileURL(file).href, await server.editOf(suggestion!))).toBe(
      `export const handler = async (event, context) => {\n  return { statusCode: 200, body: event.path };\n};\n`,
    );
  }, 60_000);
});
