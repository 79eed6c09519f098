import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { LambdaHandler } from '../analysis/analyze.js';
import type { ValueResolver } from '../analysis/resolve.js';
import { parameterIdentifier } from '../analysis/responses.js';
import { classicRuntimeLabel } from '../analysis/runtime.js';
import { staticKeyName } from '../analysis/shape.js';
import {
  completionOutcome,
  enclosingFunction,
  outcomeStatement,
  planAsyncConversion,
  planCall,
} from '../fixes/callback-to-async.js';
import { createRule } from '../util/create-rule.js';
import { onEachHandler } from '../util/handler-listener.js';

type MessageIds = 'goneOnNode24' | 'racesPromise' | 'waitsForEmptyEventLoop' | 'useReturnOrThrow' | 'convertToAsync' | 'removeStatement';
type Method = 'succeed' | 'fail' | 'done';
const METHODS = new Set<string>(['succeed', 'fail', 'done']);

export default createRule<[], MessageIds>({
  name: 'no-legacy-context-methods',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `context.succeed`, `context.fail`, `context.done` and `context.callbackWaitsForEmptyEventLoop`',
      recommended: 'recommended',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [],
    messages: {
      goneOnNode24:
        '`context.{{method}}` does not exist on Node.js 24 and later: the call throws "TypeError: context.{{method}} is not a function", a function error.',
      racesPromise:
        '`context.{{method}}` in an async handler races the returned promise on {{runtime}}: whichever settles first is the response, often `null`.',
      waitsForEmptyEventLoop:
        '`context.callbackWaitsForEmptyEventLoop` does not exist on Node.js 24 and later: setting it does nothing.',
      useReturnOrThrow: 'Return the response or throw the error instead.',
      convertToAsync:
        'Convert to an async handler: `context.succeed(x)` becomes `return x`, `context.fail(error)` becomes `throw error`.',
      removeStatement: 'Remove the statement.',
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return onEachHandler(context, (handler, { resolver }) => {
      checkHandler(handler, resolver);
    });

    function checkHandler(handler: LambdaHandler, resolver: ValueResolver): void {
      const contextParameter = parameterIdentifier(handler.parameters.context);
      const variable = contextParameter && resolver.variableOf(contextParameter);
      let conversion: TSESLint.SuggestionReportDescriptor<MessageIds>[] | undefined;
      for (const reference of variable?.references ?? []) {
        const member = reference.identifier.parent;
        if (member.type !== 'MemberExpression' || member.object !== reference.identifier) continue;
        const name = staticKeyName(member.property, member.computed);
        if (name === 'callbackWaitsForEmptyEventLoop') {
          if (handler.runtime.modern) reportWaits(member);
          continue;
        }
        const call = member.parent;
        if (name === undefined || !METHODS.has(name) || call.type !== 'CallExpression' || call.callee !== member) {
          continue;
        }
        const method = name as Method;
        if (!handler.runtime.modern && !handler.isAsync) continue;
        const messageId = handler.runtime.modern ? 'goneOnNode24' : 'racesPromise';
        const data = { method, runtime: classicRuntimeLabel(handler.runtime) };
        if (handler.isAsync) {
          const inHandler = enclosingFunction(call) === handler.function;
          const edit = inHandler ? planCall(handler.function, { call, kind: method }, sourceCode) : undefined;
          if (edit && 'fix' in edit) {
            context.report({ node: call, messageId, data, fix: (fixer) => edit.fix(fixer) });
          } else {
            const outcome = inHandler ? completionOutcome({ call, kind: method }) : undefined;
            const replacement = outcome && outcomeStatement(outcome, sourceCode, ';');
            const statement = call.parent;
            context.report({
              node: call,
              messageId,
              data,
              suggest:
                replacement && statement.type === 'ExpressionStatement'
                  ? [{ messageId: 'useReturnOrThrow', fix: (fixer) => fixer.replaceText(statement, replacement) }]
                  : [],
            });
          }
          continue;
        }
        conversion ??= convertHandler(handler, resolver);
        context.report({ node: call, messageId, data, suggest: conversion });
      }
    }

    /** A non-async handler completed through `context`: offer the whole conversion to async. */
    function convertHandler(
      handler: LambdaHandler,
      resolver: ValueResolver,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const plan = planAsyncConversion(handler, resolver, sourceCode);
      return plan.ok ? [{ messageId: 'convertToAsync', fix: plan.fix }] : [];
    }

    function reportWaits(member: TSESTree.MemberExpression): void {
      const assignment = member.parent;
      const statement = assignment.parent;
      const removable =
        assignment.type === 'AssignmentExpression' &&
        assignment.left === member &&
        statement?.type === 'ExpressionStatement' &&
        (statement.parent.type === 'BlockStatement' || statement.parent.type === 'Program');
      context.report({
        node: member,
        messageId: 'waitsForEmptyEventLoop',
        suggest: removable
          ? [{ messageId: 'removeStatement', fix: (fixer) => fixer.removeRange(statementRangeWithLine(statement)) }]
          : [],
      });
    }

    /** A statement with the indentation before it and its line break, when it stands alone on its lines. */
    function statementRangeWithLine(statement: TSESTree.Node): [number, number] {
      const text = sourceCode.text;
      let start = statement.range[0];
      let end = statement.range[1];
      while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
      const alone = start === 0 || text[start - 1] === '\n';
      if (!alone) return statement.range;
      if (text[end] === '\r') end++;
      if (text[end] === '\n') end++;
      return [start, end];
    }
  },
});
