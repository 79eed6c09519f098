import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';

// The package as a whole, the way unicorn checks its own: every rule is registered, documented and
// tested, and the docs' examples lint as they say.

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const ruleFiles = readdirSync(path.join(root, 'src/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();
const ruleNames = Object.keys(rules).sort();

/** The sections of a rule's docs page, by their `##` headings. */
function sections(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of markdown.split(/^## /mu).slice(1)) {
    const newline = part.indexOf('\n');
    found.set(part.slice(0, newline).trim(), part.slice(newline + 1));
  }
  return found;
}

interface Example {
  readonly expected: 'incorrect' | 'correct';
  readonly code: string;
  readonly settings: Record<string, string>;
  /** Where the example is linted, relative to the repository (a folder with the descriptor it assumes). */
  readonly file: string | undefined;
  /** The line of the docs page where the example starts, to name it. */
  readonly line: number;
}

/**
 * The examples of a docs page's Examples section: each code block after "Examples of **incorrect**
 * code" or "**correct** code", split at blank lines into one example each. A fence's info string
 * carries the settings the examples assume (```` ```js integration=alb ````).
 */
function examples(markdown: string): Example[] {
  const found: Example[] = [];
  const lines = markdown.split('\n');
  let inExamples = false;
  let expected: Example['expected'] | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.startsWith('## ')) inExamples = line === '## Examples';
    if (!inExamples) continue;
    if (/\*\*incorrect\*\*/u.test(line)) expected = 'incorrect';
    else if (/\*\*correct\*\*/u.test(line)) expected = 'correct';
    const fence = /^```js\b(.*)$/u.exec(line);
    if (!fence || !expected) continue;
    const pairs = Object.fromEntries(
      fence[1]!
        .trim()
        .split(/\s+/u)
        .filter(Boolean)
        .map((pair) => pair.split('=') as [string, string]),
    );
    // `file=docs/examples/todos.js`: where the example is linted, beside the descriptor it assumes.
    const { file, ...settings } = pairs;
    let chunk: string[] = [];
    let start = index + 2;
    const flush = (): void => {
      if (chunk.length > 0) found.push({ expected: expected!, code: chunk.join('\n'), settings, file, line: start });
      chunk = [];
    };
    for (index++; index < lines.length && lines[index] !== '```'; index++) {
      if (lines[index] === '') {
        flush();
        start = index + 2;
      } else {
        chunk.push(lines[index]!);
      }
    }
    flush();
  }
  return found;
}

describe('every rule', () => {
  it('has its own file in src/rules, registered under the file name', () => {
    expect(ruleNames).toEqual(ruleFiles);
    for (const name of ruleNames) expect(rules[name]!.name).toBe(name);
  });

  it.each(ruleNames)('%s has a test file and a docs page with the required sections', (name) => {
    expect(existsSync(path.join(root, 'tests/rules', `${name}.test.ts`))).toBe(true);
    const page = sections(readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8'));
    expect(page.has('Examples')).toBe(true);
    expect(page.has('When Not To Use It')).toBe(true);
    expect(page.has('Options')).toBe((rules[name]!.meta.schema as unknown[]).length > 0);
  });
});

describe('the docs examples lint as they say', () => {
  const cases = ruleNames.flatMap((name) =>
    examples(readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8')).map((example) => ({ rule: name, ...example })),
  );

  it('every rule has incorrect and correct examples', () => {
    for (const name of ruleNames) {
      const own = cases.filter((example) => example.rule === name);
      expect(own.some((example) => example.expected === 'incorrect'), name).toBe(true);
      expect(own.some((example) => example.expected === 'correct'), name).toBe(true);
    }
  });

  it.each(cases)('$rule.md:$line is $expected', ({ rule, code, settings, file, expected }) => {
    const linter = new Linter();
    const messages = linter.verify(
      code,
      [
        {
          files: ['**/*.js'],
          plugins: { 'aws-lambda': plugin },
          languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' },
          settings: { 'aws-lambda': settings },
          rules: { [`aws-lambda/${rule}`]: 'error' },
        },
      ],
      path.join(root, file ?? 'docs/example.js'),
    );
    expect(messages.filter((message) => message.fatal === true)).toEqual([]);
    if (expected === 'incorrect') {
      expect(messages.length).toBeGreaterThan(0);
    } else {
      expect(messages).toEqual([]);
    }
  });
});

describe('the Options section of a rule with options', () => {
  interface PropertySchema {
    readonly type: string;
    readonly description: string;
    readonly properties?: Record<string, PropertySchema>;
  }
  const withOptions = ruleNames.filter((name) => (rules[name]!.meta.schema as unknown[]).length > 0);
  /** The rows of the Markdown tables in a section: the first cell of each, and the others. */
  const rows = (section: string): string[][] =>
    section
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| :'))
      .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |\s*\|$/gu, '').trim()));

  it.each(withOptions)('%s lists every option with its description, type and default, and the keys of object options', (name) => {
    const rule = rules[name]!;
    const [schema] = rule.meta.schema as unknown as [{ properties: Record<string, PropertySchema> }];
    const [defaults] = (rule.meta.defaultOptions ?? [{}]) as [Record<string, unknown>];
    const options = rows(sections(readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8')).get('Options') ?? '');
    for (const [option, property] of Object.entries(schema.properties)) {
      const row = options.find((cells) => cells[0] === `\`${option}\``);
      expect(row, option).toBeDefined();
      const [, description, type, shown] = row!;
      expect(description?.startsWith(property.description.replace(/\.$/u, '')), option).toBe(true);
      expect(type).toBe(property.type[0]!.toUpperCase() + property.type.slice(1));
      expect(shown?.startsWith(`\`${JSON.stringify(defaults[option])}\``), option).toBe(true);
      for (const key of Object.keys(property.properties ?? {})) {
        expect(options.some((cells) => cells[0] === `\`${key}\``), `${option}.${key}`).toBe(true);
      }
    }
  });
});
