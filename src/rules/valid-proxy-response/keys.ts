import type { ResponseShape } from '../../analysis/shape.js';
import { REST_RESPONSE_KEYS } from '../../contract/proxy-contract.js';
import { fixOrSuggest } from '../../fixes/fix-or-suggest.js';
import { renameKey } from '../../fixes/rename-key.js';
import type { ResponseContext } from './context.js';

const UNKNOWN_KEY_HINTS: ReadonlyMap<string, string> = new Map([
  ['cookies', "; REST responses set cookies with `multiValueHeaders: { 'Set-Cookie': [...] }`"],
  ['statusDescription', '; `statusDescription` is for the load balancer (ALB) only'],
]);

/** `unknown-keys`: any key the integration does not read, where it rejects them (REST). */
export function checkUnknownKeys(response: ResponseContext, shape: ResponseShape): void {
  if (!response.contract.rejectsUnknownKeys) return;
  const { names, sourceCode } = response;
  for (const property of shape.properties.values()) {
    // `cookies?` of a payload 2.0 result type: a value of it need not have the key.
    if (response.contract.keys.has(property.name) || property.optional) continue;
    const node = property.key ?? response.at;
    const fixed = closestKey(property.name);
    if (fixed !== undefined && !shape.properties.has(fixed)) {
      const key = property.key;
      response.report({
        check: 'unknown-keys',
        node,
        messageId: 'misspelledKey',
        data: { ...names, key: property.name, fixed },
        // REST answers 502 for the misspelled key as written.
        ...fixOrSuggest(
          'fails-as-written',
          key && { messageId: 'misspelledKey', fix: (fixer) => renameKey(fixer, sourceCode, key, property.definition, fixed) },
        ),
      });
      continue;
    }
    const hint = UNKNOWN_KEY_HINTS.get(property.name) ?? '';
    response.report({ check: 'unknown-keys', node, messageId: 'unknownKey', data: { ...names, key: property.name, hint } });
  }
}

/** A valid REST response key that `name` misspells: the same but for case, or one edit away. */
export function closestKey(name: string): string | undefined {
  const lower = name.toLowerCase();
  return (
    REST_RESPONSE_KEYS.find((key) => key.toLowerCase() === lower) ??
    REST_RESPONSE_KEYS.find((key) => key.length > 4 && withinOneEdit(key.toLowerCase(), lower))
  );
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
