/**
 * What each integration certainly refuses or mangles, from ../shared/spec/lambda-proxy-contract.md
 * sections 1 to 4 (the rows marked certain, and the checks the rules make). Used by the tests that run
 * handlers after their fixes: an empty list means the integration answers the response as meant.
 */
export type Integration = 'rest' | 'http-v1' | 'http-v2' | 'url' | 'alb';

const REST_KEYS = new Set(['statusCode', 'body', 'headers', 'multiValueHeaders', 'isBase64Encoded']);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function contractProblems(integration: Integration, response: unknown): string[] {
  const v2 = integration === 'http-v2' || integration === 'url';
  if (v2) {
    if (response === null || response === undefined) return ['null response'];
    if (!isObject(response)) return [];
    const problems: string[] = [];
    if (!('statusCode' in response) && ['body', 'headers', 'cookies', 'isBase64Encoded'].some((key) => key in response)) {
      problems.push('no statusCode: the whole object becomes the body');
    }
    if ('multiValueHeaders' in response) problems.push('multiValueHeaders is ignored');
    if ('cookies' in response && !(Array.isArray(response.cookies) && response.cookies.every((cookie) => typeof cookie === 'string'))) {
      problems.push('cookies must be strings');
    }
    problems.push(...common(response));
    return problems;
  }
  if (!isObject(response)) return ['not an object'];
  const problems = common(response);
  if (integration === 'rest') {
    for (const key of Object.keys(response)) if (!REST_KEYS.has(key)) problems.push(`unknown key ${key}`);
  }
  if ((integration === 'http-v1' || integration === 'alb') && !('statusCode' in response)) problems.push('no statusCode');
  if (integration === 'alb') {
    if (typeof response.statusCode === 'string') problems.push('statusCode must be a number');
    if (response.body === null) problems.push('body null');
    if (response.headers === null) problems.push('headers null');
    if (isObject(response.headers)) {
      for (const value of Object.values(response.headers)) if (typeof value !== 'string') problems.push('header not a string');
    }
  }
  if (isObject(response.multiValueHeaders)) {
    for (const value of Object.values(response.multiValueHeaders)) if (!Array.isArray(value)) problems.push('multi-value header not an array');
  }
  return problems;
}

function common(response: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { statusCode, body, headers, isBase64Encoded } = response;
  if (statusCode !== undefined && !(typeof statusCode === 'number' || (typeof statusCode === 'string' && /^\d+$/u.test(statusCode)))) {
    problems.push('statusCode not numeric');
  }
  if (body !== undefined && body !== null && typeof body !== 'string' && typeof body !== 'number' && typeof body !== 'boolean') {
    problems.push('body not a string');
  }
  if (Array.isArray(headers)) problems.push('headers is an array');
  if (isObject(headers)) {
    for (const value of Object.values(headers)) {
      if (Array.isArray(value) || isObject(value) || value === null) problems.push('header value not a string');
    }
  }
  if (isBase64Encoded !== undefined && typeof isBase64Encoded !== 'boolean') problems.push('isBase64Encoded not a boolean');
  return problems;
}
