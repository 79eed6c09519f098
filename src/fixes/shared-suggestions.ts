/**
 * Suggestions that several rules offer and the `migrate-node24` command applies, by message id. A rule
 * declares the message under this id with this text, so the CLI can find the suggestion in any rule's
 * report and every rule describes it the same way.
 */
export const CONVERT_TO_ASYNC = 'convertToAsync';
export const CONVERT_TO_ASYNC_TEXT =
  'Convert to an async handler: `callback(null, x)` and `context.succeed(x)` become `return x`, `callback(error)` and `context.fail(error)` become `throw error`, and the callback parameter goes.';

export const REMOVE_STATEMENT = 'removeStatement';
export const REMOVE_STATEMENT_TEXT = 'Remove the statement.';
