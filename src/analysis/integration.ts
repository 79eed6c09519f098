import type { TSESTree } from '@typescript-eslint/utils';
import type { HandlerExit } from './responses.js';
import type { ValueResolver } from './resolve.js';
import { integrationOfTypeName } from '../contract/aws-lambda-types.js';
import { type Integration, keysAnswerHttp } from '../contract/proxy-contract.js';
import { staticKeyName } from './shape.js';

/** What invokes a handler: an HTTP front door (API Gateway, Function URL, ALB), something else, or no evidence. */
export type Trigger = 'http' | 'other' | 'unknown';

/** Where the integration was decided, first answer wins in this order. */
export type IntegrationSource = 'settings' | 'descriptor' | 'types' | 'event' | 'default';

/** Event properties that only HTTP events have, by the integration they point to. */
const EVENT_PATHS: readonly [string, Integration | 'other'][] = [
  ['requestContext.elb', 'alb'],
  ['requestContext.http', 'http-v2'],
  ['rawPath', 'http-v2'],
  ['rawQueryString', 'http-v2'],
  ['cookies', 'http-v2'],
  ['routeKey', 'http-v2'],
  ['httpMethod', 'rest'],
  ['multiValueQueryStringParameters', 'rest'],
  ['resource', 'rest'],
  ['path', 'rest'],
  ['pathParameters', 'rest'],
  ['queryStringParameters', 'rest'],
  ['Records', 'other'],
  ['detail', 'other'],
  ['detail-type', 'other'],
  ['triggerSource', 'other'],
  ['methodArn', 'other'],
  ['routeArn', 'other'],
  ['authorizationToken', 'other'],
  ['RequestType', 'other'],
  // Bedrock Agents' action groups: the event has `httpMethod` and `apiPath` too, but the answer is
  // `{ messageVersion, response }` for the agent.
  ['actionGroup', 'other'],
  ['apiPath', 'other'],
];
/** Paths that say "HTTP" but not which integration: they do not decide between REST and ALB. */
const WEAK_INTEGRATION_PATHS = new Set(['pathParameters', 'queryStringParameters']);

/**
 * The property paths read from the event parameter (`httpMethod`, `requestContext.http`), through
 * member access, destructuring in the parameter list and `const { a } = event`.
 */
export function eventPaths(event: TSESTree.Parameter | undefined, resolver: ValueResolver): Set<string> {
  const paths = new Set<string>();
  if (!event) return paths;
  const pattern = event.type === 'AssignmentPattern' ? event.left : event;
  if (pattern.type === 'ObjectPattern') {
    addPatternPaths(pattern, '', paths);
    return paths;
  }
  if (pattern.type !== 'Identifier') return paths;
  const variable = resolver.variableOf(pattern);
  for (const reference of variable?.references ?? []) {
    let node: TSESTree.Node = reference.identifier;
    let prefix = '';
    for (let depth = 0; depth < 2; depth++) {
      const parent: TSESTree.Node = node.parent;
      if (parent.type === 'MemberExpression' && parent.object === node) {
        const name = staticKeyName(parent.property, parent.computed);
        if (name === undefined) break;
        prefix = prefix ? `${prefix}.${name}` : name;
        paths.add(prefix);
        node = parent;
      } else if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'ObjectPattern') {
        addPatternPaths(parent.id, prefix, paths);
        break;
      } else {
        break;
      }
    }
  }
  return paths;
}

function addPatternPaths(pattern: TSESTree.ObjectPattern, prefix: string, paths: Set<string>): void {
  for (const property of pattern.properties) {
    if (property.type !== 'Property') continue;
    const name = staticKeyName(property.key, property.computed);
    if (name === undefined) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    paths.add(path);
    const value = property.value.type === 'AssignmentPattern' ? property.value.left : property.value;
    if (value.type === 'ObjectPattern' && !prefix) addPatternPaths(value, path, paths);
  }
}

export interface TriggerEvidence {
  readonly typeNames: readonly string[];
  readonly eventPaths: ReadonlySet<string>;
  readonly exits: () => readonly HandlerExit[];
  readonly integrationSetting: Integration | undefined;
  /** What the deployment descriptor says: an integration, `other` for other triggers only. */
  readonly described: Integration | 'other' | undefined;
}

export function decideTrigger(evidence: TriggerEvidence): Trigger {
  const fromTypes = evidence.typeNames.map(integrationOfTypeName);
  if (fromTypes.includes('other')) return 'other';
  const fromEvent = EVENT_PATHS.filter(([path]) => evidence.eventPaths.has(path)).map(([, kind]) => kind);
  if (fromEvent.includes('other') || evidence.described === 'other') return 'other';
  if (fromTypes.some((kind) => kind !== undefined) || fromEvent.length > 0 || evidence.described) return 'http';
  if (evidence.exits().some(answersLikeHttp)) return 'http';
  return evidence.integrationSetting === undefined ? 'unknown' : 'http';
}

function answersLikeHttp(exit: HandlerExit): boolean {
  return exit.values.some((value) => value.shape !== undefined && keysAnswerHttp(value.shape.properties));
}

export function decideIntegration(
  evidence: Omit<TriggerEvidence, 'exits'>,
): { integration: Integration; source: IntegrationSource } {
  if (evidence.integrationSetting) return { integration: evidence.integrationSetting, source: 'settings' };
  if (evidence.described && evidence.described !== 'other') return { integration: evidence.described, source: 'descriptor' };
  for (const name of evidence.typeNames) {
    const integration = integrationOfTypeName(name);
    if (integration && integration !== 'other') return { integration, source: 'types' };
  }
  for (const [path, integration] of EVENT_PATHS) {
    if (integration !== 'other' && !WEAK_INTEGRATION_PATHS.has(path) && evidence.eventPaths.has(path)) {
      return { integration, source: 'event' };
    }
  }
  return { integration: 'rest', source: 'default' };
}
