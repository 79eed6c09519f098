import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { analyzeFile, type LambdaHandler } from '../analysis/analyze.js';
import { type CompletionCall, completionOutcome } from '../analysis/completions.js';
import { planCallConversion } from '../analysis/conversion.js';
import { moduleExports } from '../analysis/exports.js';
import { classicRuntimeLabel, decideRuntime } from '../analysis/runtime.js';
import { staticKeyName } from '../analysis/shape.js';
import { convertToAsyncFix } from '../fixes/convert-to-async.js';
import { fixOrSuggest, type FixOrSuggestion } from '../fixes/fix-or-suggest.js';
import { removeStatement } from '../fixes/remove-statement.js';
import { outcomeStatement, rewriteCompletion } from '../fixes/rewrite-completion.js';
import {
  CONVERT_TO_ASYNC,
  CONVERT_TO_ASYNC_TEXT,
  REMOVE_STATEMENT,
  REMOVE_STATEMENT_TEXT,
} from '../fixes/shared-suggestions.js';
import { createRule } from '../util/create-rule.js';
import { onEachHandler } from '../util/handler-listener.js';

/** A call of a legacy context method somewhere in the text: the cheap test before any work. */
const LEGACY_CALL_TEXT = /\bcontext\.(?:succeed|fail|done)\b/u;

type MessageIds =
  | 'goneOnNode24'
  | 'racesPromise'
  | 'waitsForEmptyEventLoop'
  | 'useReturnOrThrow'
  | typeof CONVERT_TO_ASYNC
  | typeof REMOVE_STATEMENT;

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
      [CONVERT_TO_ASYNC]: CONVERT_TO_ASYNC_TEXT,
      [REMOVE_STATEMENT]: REMOVE_STATEMENT_TEXT,
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    const analysis = analyzeFile(context);
    if (analysis.handlers.length === 0) return helperListeners();
    return onEachHandler(context, (handler) => {
      const { calls, waitsForEmptyEventLoop } = handler.completions;
      // In an async handler the setting does nothing on any runtime: nothing to report.
      if (handler.runtime.modern && !handler.isAsync) waitsForEmptyEventLoop.forEach(reportWaits);
      if (!handler.runtime.modern && !handler.isAsync) return;
      let conversion: FixOrSuggestion<MessageIds> | undefined;
      for (const completion of calls) {
        if (completion.kind === 'callback') continue;
        const messageId = handler.runtime.modern ? 'goneOnNode24' : 'racesPromise';
        const data = { method: completion.kind, runtime: classicRuntimeLabel(handler.runtime) };
        conversion ??= handler.isAsync ? undefined : convertHandler(handler);
        context.report({ node: completion.call, messageId, data, ...(conversion ?? replaceInAsync(handler, completion)) });
      }
    });

    /**
     * In an async handler the call fails on Node.js 24 and races the returned promise before it, so
     * `return x` or `throw error` in its place is a fix where it keeps the control flow.
     */
    function replaceInAsync(handler: LambdaHandler, completion: CompletionCall): FixOrSuggestion<MessageIds> {
      const plan = completion.direct ? planCallConversion(handler.function, completion) : undefined;
      if (plan && !('reason' in plan)) {
        const rewrite = rewriteCompletion(plan, sourceCode);
        return fixOrSuggest('fails-as-written', { messageId: 'useReturnOrThrow', fix: (fixer) => rewrite(fixer) });
      }
      const outcome = completion.direct ? completionOutcome(completion) : undefined;
      const statement = completion.call.parent;
      return fixOrSuggest(
        'changes-control-flow',
        outcome && statement.type === 'ExpressionStatement'
          ? {
              messageId: 'useReturnOrThrow',
              fix: (fixer) => fixer.replaceText(statement, outcomeStatement(outcome, sourceCode, ';')),
            }
          : undefined,
      );
    }

    /**
     * A module without handlers that exports helpers taking the handler's `context`
     * (`Utils.reply(context, data)` calling `context.succeed(data)`): Node.js 24 removed the methods,
     * so the helper throws there. Only a module whose text calls such a method is looked at.
     */
    function helperListeners(): TSESLint.RuleListener {
      if (!LEGACY_CALL_TEXT.test(sourceCode.text) || !decideRuntime(analysis.facts.settings, undefined).modern) return {};
      if (moduleExports(sourceCode.ast).names.size === 0 || analysis.facts.otherCloud) return {};
      return {
        CallExpression(call) {
          const callee = call.callee;
          if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier' || callee.object.name !== 'context') return;
          const method = staticKeyName(callee.property, callee.computed);
          if (method !== 'succeed' && method !== 'fail' && method !== 'done') return;
          const definition = ASTUtils.findVariable(sourceCode.getScope(callee.object), callee.object)?.defs[0];
          if (definition?.type !== 'Parameter') return;
          context.report({ node: call, messageId: 'goneOnNode24', data: { method } });
        },
      };
    }

    /** A non-async handler completed through `context`: offer the whole conversion to async. */
    function convertHandler(handler: LambdaHandler): FixOrSuggestion<MessageIds> {
      const plan = handler.asyncConversion;
      return fixOrSuggest(
        'changes-control-flow',
        plan.ok ? { messageId: CONVERT_TO_ASYNC, fix: convertToAsyncFix(handler.function, plan.calls, sourceCode) } : undefined,
      );
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
        ...fixOrSuggest(
          'acts-on-older-runtimes',
          removable ? { messageId: REMOVE_STATEMENT, fix: removeStatement(statement, sourceCode) } : undefined,
        ),
      });
    }
  },
});
