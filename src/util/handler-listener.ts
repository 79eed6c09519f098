import type { RuleContext, RuleListener } from '@typescript-eslint/utils/ts-eslint';
import { analyzeFile, type LambdaHandler } from '../analysis/analyze.js';

/**
 * The listener a handler rule starts from: none for a file without handlers (which then costs one scan
 * of its top-level statements), and at the end of the file one call for each handler.
 */
export function onEachHandler(
  context: Readonly<RuleContext<string, readonly unknown[]>>,
  check: (handler: LambdaHandler) => void,
): RuleListener {
  const file = analyzeFile(context);
  if (file.handlers.length === 0) return {};
  return {
    'Program:exit'() {
      for (const handler of file.handlers) check(handler);
    },
  };
}
