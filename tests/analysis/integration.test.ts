import { PluginRuleTester } from '../rule-tester.js';
import { dumpRule } from './dump-rule.js';

const javascriptTester = new PluginRuleTester('javascript');
const typedTester = new PluginRuleTester('typed');
const typescriptTester = new PluginRuleTester('typescript');

const said = (text: string) => ({ messageId: 'said' as const, data: { text } });
const settings = (values: Record<string, unknown>) => ({ 'aws-lambda': values });

// Trigger and integration from how the event is used, from answers, and from settings.
javascriptTester.run('integration: event usage, answers and settings', dumpRule, {
  valid: [],
  invalid: [
    {
      code: `export const handler = async (event) => event.requestContext.http.method;`,
      errors: [said('handler: http http-v2(event) classic+modern none'), said('return: unknown')],
    },
    {
      code: `export const handler = async ({ rawPath }) => rawPath;`,
      errors: [said('handler: http http-v2(event) classic+modern none'), said('return: unknown')],
    },
    {
      code: `export const handler = async (event) => { const { rawQueryString } = event; return rawQueryString; };`,
      errors: [said('handler: http http-v2(event) classic+modern none'), said('return: unknown')],
    },
    {
      code: `export const handler = async (event) => event.cookies;`,
      errors: [said('handler: http http-v2(event) classic+modern none'), said('return: unknown')],
    },
    {
      code: `export const handler = async (event) => event.httpMethod;`,
      errors: [said('handler: http rest(event) classic+modern none'), said('return: unknown')],
    },
    {
      code: `export const handler = async (event) => event.multiValueQueryStringParameters;`,
      errors: [said('handler: http rest(event) classic+modern none'), said('return: unknown')],
    },
    {
      code: `export const handler = async (event) => event['resource'];`,
      errors: [said('handler: http rest(event) classic+modern none'), said('return: unknown')],
    },
    {
      code: `export const handler = async (event) => event.path;`,
      errors: [said('handler: http rest(event) classic+modern none'), said('return: unknown')],
    },
    {
      // An ALB event also has httpMethod: the elb request context decides.
      code: `export const handler = async (event) => [event.httpMethod, event.requestContext.elb.targetGroupArn];`,
      errors: [said('handler: http alb(event) classic+modern none'), said('return: array')],
    },
    {
      // Path parameters say HTTP but not which integration: the default answers.
      code: `export const handler = async ({ pathParameters }) => pathParameters.id;`,
      errors: [said('handler: http rest(default) classic+modern none'), said('return: unknown')],
    },
    {
      code: `export const handler = async (event) => event.queryStringParameters;`,
      errors: [said('handler: http rest(default) classic+modern none'), said('return: unknown')],
    },
    {
      // An answer with `statusCode` beside `body` or `headers` says HTTP.
      code: `export const handler = async () => ({ statusCode: 204, headers: {} });`,
      errors: [said('handler: http rest(default) classic+modern none'), said('return: object{headers:object,statusCode:number}')],
    },
    {
      // A lone `statusCode` among other keys is data: workflow steps and direct invocations return it.
      code: `export const handler = async (event) => ({ paymentId: event.id, message: 'ok', statusCode: 200 });`,
      errors: [said('handler: unknown rest(default) classic+modern none'), said('return: object{message:string,paymentId:unknown,statusCode:number}')],
    },
    {
      code: `export const handler = async () => ({ headers: {} });`,
      errors: [said('handler: unknown rest(default) classic+modern none'), said('return: object{headers:object}')],
    },
    {
      // No evidence at all.
      code: `export const handler = async (event) => ({ Hello: 'World' });`,
      errors: [said('handler: unknown rest(default) classic+modern none'), said('return: object{Hello:string}')],
    },
    {
      // The integration setting makes a handler without other evidence an HTTP one.
      code: `export const handler = async (event) => ({ Hello: 'World' });`,
      settings: settings({ integration: 'http-v1' }),
      errors: [said('handler: http http-v1(settings) classic+modern none'), said('return: object{Hello:string}')],
    },
    {
      // The setting wins over event usage...
      code: `export const handler = async (event) => event.requestContext.http;`,
      settings: settings({ integration: 'url' }),
      errors: [said('handler: http url(settings) classic+modern none'), said('return: unknown')],
    },
    {
      // ...but evidence of another trigger wins over the setting.
      code: `export const handler = async (event) => ({ batchItemFailures: event.Records.filter(Boolean) });`,
      settings: settings({ integration: 'rest' }),
      errors: [said('handler: other rest(settings) classic+modern none'), said('return: object{batchItemFailures:unknown}')],
    },
    {
      code: `export const handler = async (event) => ({ statusCode: 200, detail: event.detail });`,
      errors: [said('handler: other rest(default) classic+modern none'), said('return: object{detail:unknown,statusCode:number}')],
    },
    {
      code: `exports.handler = async (event) => { event.response.autoConfirmUser = event.triggerSource === 'PreSignUp_SignUp'; return event; };`,
      errors: [said('handler: other rest(default) classic+modern none'), said('return: unknown')],
    },
    {
      code: `export const handler = async ({ methodArn }) => ({ principalId: 'user', policyDocument: methodArn });`,
      errors: [said('handler: other rest(default) classic+modern none'), said('return: object{policyDocument:unknown,principalId:string}')],
    },
    {
      // A Bedrock agent's action group: `httpMethod` beside `apiPath` and `actionGroup`, answered to the agent.
      code: `exports.handler = async (event) => ({ messageVersion: '1.0', response: { actionGroup: event.actionGroup, apiPath: event.apiPath, httpMethod: event.httpMethod } });`,
      errors: [said('handler: other rest(event) classic+modern none'), said('return: object{messageVersion:string,response:object}')],
    },
  ],
});

// The runtime setting decides which runtime lines are checked.
javascriptTester.run('runtime: settings', dumpRule, {
  valid: [],
  invalid: [
    {
      code: `export const handler = async (event) => event.httpMethod;`,
      settings: settings({ runtime: 'nodejs22.x' }),
      errors: [said('handler: http rest(event) classic none'), said('return: unknown')],
    },
    {
      code: `export const handler = async (event) => event.httpMethod;`,
      settings: settings({ runtime: 'nodejs20.x' }),
      errors: [said('handler: http rest(event) classic none'), said('return: unknown')],
    },
    {
      code: `export const handler = async (event) => event.httpMethod;`,
      settings: settings({ runtime: 'nodejs24.x' }),
      errors: [said('handler: http rest(event) modern none'), said('return: unknown')],
    },
    {
      code: `export const handler = async (event) => event.httpMethod;`,
      settings: settings({ runtime: 'nodejs26.x' }),
      errors: [said('handler: http rest(event) modern none'), said('return: unknown')],
    },
  ],
});

// Each family of @types/aws-lambda names, written in the code.
typescriptTester.run('integration: type annotations', dumpRule, {
  valid: [],
  invalid: [
    {
      code: `import type { APIGatewayProxyEvent } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEvent) => event.body;`,
      errors: [said('handler: http rest(types) classic+modern none'), said('return: unknown')],
    },
    {
      code: `import type { APIGatewayProxyResult } from 'aws-lambda';\nexport async function handler(event): Promise<APIGatewayProxyResult> { return { statusCode: 204, body: '' }; }`,
      errors: [said('handler: http rest(types) classic+modern none'), said('return: object{body:string,statusCode:number}')],
    },
    {
      // The table of event fields says what `event.body` holds: a string on payload 2.0 (on REST, string or null).
      code: `import type { APIGatewayProxyEventV2 } from 'aws-lambda';\nexport const handler = async (event: APIGatewayProxyEventV2) => event.body;`,
      errors: [said('handler: http http-v2(types) classic+modern none'), said('return: ~string')],
    },
    {
      code: `import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';\nexport const handler = async (event): Promise<APIGatewayProxyStructuredResultV2> => ({ statusCode: 200 });`,
      errors: [said('handler: http http-v2(types) classic+modern none'), said('return: object{statusCode:number}')],
    },
    {
      code: `import type { LambdaFunctionURLHandler } from 'aws-lambda';\nexport const handler: LambdaFunctionURLHandler = async (event) => ({ statusCode: 200 });`,
      errors: [said('handler: http url(types) classic+modern none'), said('return: object{statusCode:number}')],
    },
    {
      code: `import type { ALBHandler } from 'aws-lambda';\nexport const handler: ALBHandler = async (event) => ({ statusCode: 200 });`,
      errors: [said('handler: http alb(types) classic+modern none'), said('return: object{statusCode:number}')],
    },
    {
      // The integration setting wins over the types.
      code: `import type { APIGatewayProxyHandler } from 'aws-lambda';\nexport const handler: APIGatewayProxyHandler = async (event) => ({ statusCode: 200, body: '' });`,
      settings: settings({ integration: 'http-v1' }),
      errors: [said('handler: http http-v1(settings) classic+modern none'), said('return: object{body:string,statusCode:number}')],
    },
    {
      code: `import type { APIGatewayTokenAuthorizerHandler } from 'aws-lambda';\nexport const handler: APIGatewayTokenAuthorizerHandler = async (event) => ({ principalId: 'me', policyDocument: doc });`,
      errors: [said('handler: other rest(default) classic+modern none'), said('return: object{policyDocument:unknown,principalId:string}')],
    },
    {
      // A WebSocket route answers a socket: its name starts like an HTTP API 2.0 type's.
      code: `import type { APIGatewayProxyWebsocketHandlerV2 } from 'aws-lambda';\nexport const handler: APIGatewayProxyWebsocketHandlerV2 = async (event) => ({ statusCode: 200 });`,
      errors: [said('handler: other rest(default) classic+modern none'), said('return: object{statusCode:number}')],
    },
    {
      code: `import type { S3Event } from 'aws-lambda';\nexport const handler = async (event: S3Event): Promise<void> => {};`,
      errors: [said('handler: other rest(default) classic+modern none')],
    },
  ],
});

// The checker's types, where the code names none.
typedTester.run('integration: type information', dumpRule, {
  valid: [],
  invalid: [
    {
      code: `import type { Handler, APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';\ntype H = Handler<APIGatewayProxyEventV2, APIGatewayProxyResultV2>;\nconst impl: H = async (event) => ({ statusCode: 200 });\nexport { impl as handler };`,
      errors: [said('handler: http http-v2(types) classic+modern none'), said('return: object{statusCode:number}')],
    },
    {
      // JavaScript with a JSDoc type: the checker is asked, and knows.
      code: `/** @param {import('aws-lambda').APIGatewayProxyEventV2} event */\nexports.handler = async (event) => ({ statusCode: 200 });`,
      filename: 'javascript.js',
      errors: [said('handler: http http-v2(types) classic+modern none'), said('return: object{statusCode:number}')],
    },
    {
      // JavaScript without JSDoc types: the event is \`any\`, so how it is used decides.
      code: `exports.handler = async (event) => ({ statusCode: 200, body: event.rawPath });`,
      filename: 'javascript.js',
      errors: [said('handler: http http-v2(event) classic+modern none'), said('return: object{body:unknown,statusCode:number}')],
    },
    {
      code: `import type { Handler, SQSEvent } from 'aws-lambda';\nconst impl: Handler<SQSEvent> = async (event) => ({ batchItemFailures: [] });\nexport { impl as handler };`,
      errors: [said('handler: other rest(default) classic+modern none'), said('return: object{batchItemFailures:array}')],
    },
  ],
});

// A type says "Lambda" only when @types/aws-lambda declares it: imported from `aws-lambda` under any
// local name, or its `AWSLambda` global; a project's own type of a similar name says nothing.
typescriptTester.run('integration: types by the package that declares them', dumpRule, {
  valid: [],
  invalid: [
    {
      code: `interface ALBConfig { target: string }\nexport const handler = async (event: ALBConfig) => event.target;`,
      errors: [said('handler: unknown rest(default) classic+modern none'), said('return: unknown')],
    },
    {
      code: `import type { ALBEvent } from './my-types';\nexport const handler = async (event: ALBEvent) => event.target;`,
      errors: [said('handler: unknown rest(default) classic+modern none'), said('return: unknown')],
    },
    {
      code: `import type { APIGatewayProxyEventV2 as Request } from 'aws-lambda';\nexport const handler = async (event: Request) => event.body;`,
      errors: [said('handler: http http-v2(types) classic+modern none'), said('return: ~string')],
    },
    {
      code: `import type * as lambda from 'aws-lambda';\nexport const handler = async (event: lambda.ALBEvent) => event.body;`,
      errors: [said('handler: http alb(types) classic+modern none'), said('return: unknown')],
    },
    {
      code: `import lambda = require('aws-lambda');\nexport const handler = async (event: lambda.LambdaFunctionURLEvent) => event.body;`,
      errors: [said('handler: http url(types) classic+modern none'), said('return: ~string')],
    },
    {
      code: `export const handler = async (event: AWSLambda.APIGatewayProxyEventV2) => event.body;`,
      errors: [said('handler: http http-v2(types) classic+modern none'), said('return: ~string')],
    },
    {
      code: `export const handler = async (event: import('aws-lambda').SQSEvent) => event.body;`,
      errors: [said('handler: other rest(default) classic+modern none'), said('return: unknown')],
    },
  ],
});

typedTester.run('integration: types by the package that declares them (type information)', dumpRule, {
  valid: [],
  invalid: [
    {
      // The checker names the type `ALBEvent`, but the project declares it.
      code: `interface ALBEvent { target: string }\nexport const handler = async (event: ALBEvent) => event.target;`,
      errors: [said('handler: unknown rest(default) classic+modern none'), said('return: ~string')],
    },
    {
      code: `import type { APIGatewayProxyEventV2 } from 'aws-lambda';\ntype HttpEvent = APIGatewayProxyEventV2;\nexport const handler = async (event: HttpEvent) => event.body;`,
      errors: [said('handler: http http-v2(types) classic+modern none'), said('return: ~string')],
    },
  ],
});
