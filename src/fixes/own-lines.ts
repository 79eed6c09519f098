/**
 * The range of `[start, end)` widened to the whole lines it stands on (its indentation and its line
 * break), when nothing else stands on them; otherwise undefined. Removing a statement or a property
 * that stands alone then leaves no blank line behind.
 */
export function ownLinesRange(text: string, start: number, end: number): [number, number] | undefined {
  let lineStart = start;
  while (lineStart > 0 && (text[lineStart - 1] === ' ' || text[lineStart - 1] === '\t')) lineStart--;
  if (lineStart !== 0 && text[lineStart - 1] !== '\n') return undefined;
  const restOfLine = /^[ \t]*\r?\n/u.exec(text.slice(end));
  return restOfLine ? [lineStart, end + restOfLine[0].length] : undefined;
}
