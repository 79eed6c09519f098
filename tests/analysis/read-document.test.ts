import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/analysis/descriptors/read.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'read-document-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
let count = 0;
const read = (text: string, extension = 'yml') => {
  const file = path.join(dir, `document-${count++}.${extension}`);
  writeFileSync(file, text);
  return readDocument(file);
};

describe('reading a descriptor file', () => {
  it("reads CloudFormation's short tags as their long forms (scalars), or as they are (sequences, maps)", () => {
    expect(
      read(
        [
          'Queue: !GetAtt Queue.Arn',
          'Topic: !Ref Topic',
          'Name: !Sub "${AWS::StackName}-fn"',
          'Joined: !Join [":", [a, b]]',
          'Chosen: !If',
          '  - IsProd',
          '  - nodejs24.x',
          '  - nodejs22.x',
          'Mapped: !Transform { Name: AWS::Include }',
        ].join('\n'),
      ),
    ).toEqual({
      Queue: { 'Fn::GetAtt': 'Queue.Arn' },
      Topic: { Ref: 'Topic' },
      Name: { 'Fn::Sub': '${AWS::StackName}-fn' },
      Joined: [':', ['a', 'b']],
      Chosen: ['IsProd', 'nodejs24.x', 'nodejs22.x'],
      Mapped: { Name: 'AWS::Include' },
    });
  });

  it('merges `<<` keys, as the Serverless Framework reads them', () => {
    expect(
      read(['defaults: &defaults', '  runtime: nodejs22.x', '  memorySize: 256', 'functions:', '  api:', '    <<: *defaults', '    handler: src/api.handler'].join('\n')),
    ).toEqual({
      defaults: { runtime: 'nodejs22.x', memorySize: 256 },
      functions: { api: { runtime: 'nodejs22.x', memorySize: 256, handler: 'src/api.handler' } },
    });
  });

  it('keeps the last value of a repeated key, as CloudFormation does', () => {
    expect(read('Runtime: nodejs20.x\nRuntime: nodejs24.x\n')).toEqual({ Runtime: 'nodejs24.x' });
  });

  it('reads JSON templates as JSON', () => {
    expect(read('{ "Resources": { "Fn": { "Type": "AWS::Serverless::Function" } } }', 'json')).toEqual({
      Resources: { Fn: { Type: 'AWS::Serverless::Function' } },
    });
  });

  it("throws the parser's message, with the line and column, when the file does not parse", () => {
    expect(() => read('Resources:\n  Fn: [a, b\n')).toThrow(/^unexpected end of the stream within a flow collection \(3:1\)/u);
  });
});
