import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { descriptorsDigest } from '../../src/analysis/descriptors/digest.js';

const scratch = path.join(import.meta.dirname, '..', '.tmp');
mkdirSync(scratch, { recursive: true });
const root = mkdtempSync(path.join(scratch, 'digest-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(root, 'project-'));
  for (const [name, text] of Object.entries({ '.git/HEAD': '', ...files })) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

const touch = (file: string, seconds: number) => { utimesSync(file, seconds, seconds); };

describe('descriptorsDigest', () => {
  it('changes when a descriptor, a serverless include or a CDK stack changes, and only then', () => {
    const folder = project({
      'services/api/serverless.yml': 'service: api\n',
      'services/api/functions.yml': 'get:\n  handler: get.handler\n',
      'infra/cdk.json': '{ "app": "npx ts-node bin/app.ts" }',
      'infra/lib/stack.ts': 'export {};\n',
      'src/app.ts': 'export {};\n',
      'node_modules/pkg/template.yaml': 'Resources: {}\n',
    });
    const first = descriptorsDigest(folder);
    expect(descriptorsDigest(folder)).toBe(first);
    // Not descriptors, nor read with one: a source file, a dependency's template.
    touch(path.join(folder, 'src', 'app.ts'), 1_000);
    touch(path.join(folder, 'node_modules', 'pkg', 'template.yaml'), 1_000);
    expect(descriptorsDigest(folder)).toBe(first);
    for (const file of ['services/api/serverless.yml', 'services/api/functions.yml', 'infra/lib/stack.ts']) {
      const before = descriptorsDigest(folder);
      touch(path.join(folder, file), 2_000 + file.length);
      expect(descriptorsDigest(folder), file).not.toBe(before);
    }
  });

  it('sees a template above the folder it starts in, up to the repository root', () => {
    const folder = project({ 'template.yaml': 'Resources: {}\n', 'functions/hello/app.mjs': '' });
    const start = path.join(folder, 'functions', 'hello');
    const before = descriptorsDigest(start);
    touch(path.join(folder, 'template.yaml'), 3_000);
    expect(descriptorsDigest(start)).not.toBe(before);
  });
});
