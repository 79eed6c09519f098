import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { fixturesDir } from '../rule-tester.js';

// Fixture repositories laid out as real ones are, linted end to end with the `recommended` config and
// no settings, as a new user lints theirs: what the plugin believes about each handler comes from
// where the project declares it.
const dir = path.join(fixturesDir, 'repos');
const lint = async (folder: string): Promise<string[]> => {
  const config: Linter.Config[] = [
    { files: ['**/*.{js,mjs,cjs}'], ...plugin.configs.recommended },
    { files: ['**/*.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ];
  const results = await new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config }).lintFiles([folder]);
  return results.flatMap((result) =>
    result.messages.map((message) => `${path.relative(dir, result.filePath)}:${message.line} ${message.ruleId ?? ''} ${message.messageId ?? ''}`),
  );
};

describe('a sam init app: the template one folder above each function folder and its package.json', () => {
  it('finds the template above the nested package.json', async () => {
    expect(await lint('sam-init')).toEqual([
      // Api (REST) from the template: the body must be a string.
      'sam-init/hello-world/app.mjs:4 aws-lambda/valid-proxy-response bodyNotString',
      // HttpApi (payload 2.0): without statusCode the whole object is the body.
      'sam-init/orders/app.mjs:3 aws-lambda/valid-proxy-response missingStatusCodeV2',
      // reconcile.mjs has no events: invoked directly, its `{ statusCode, matched, success }` is data.
    ]);
  });
});

describe('a Serverless Framework service with includes and self references', () => {
  it('reads functions from ${file()} includes, runtimes through ${self:}, and skips non-proxy and non-HTTP functions', async () => {
    expect(await lint('serverless-service')).toEqual([
      // jobs/: SNS and schedule functions answer nobody's HTTP request.
      // reports/legacy.js: `integration: lambda` is REST non-proxy, where any value is fine.
      // createTodo, from functions.yml with its handler path through ${self:custom.todosHandlers}: REST.
      'serverless-service/todos/create.js:5 aws-lambda/valid-proxy-response bodyNotString',
      // getTodo, from todos/get.yml through ${file(...):getTodo}, on nodejs24.x.
      'serverless-service/todos/get.js:3 aws-lambda/no-callback-handler callbackHandler',
    ]);
  });
});

describe('Serverless services on other providers', () => {
  it('are not Lambda: Azure http events are not API Gateway, and `context.done` is Azure\'s', async () => {
    expect(await lint('azure-service')).toEqual([]);
  });

  it('are not Lambda: an OpenWhisk action returns its result', async () => {
    expect(await lint('openwhisk-actions')).toEqual([]);
  });

  it('are not Lambda: a Twilio function takes (context, event, callback), named without an export', async () => {
    expect(await lint('twilio-service')).toEqual([]);
  });

  it('a provider named by a variable the plugin cannot know may be AWS: its modules are judged', async () => {
    expect(await lint('unknown-provider')).toEqual(['unknown-provider/handler.js:3 aws-lambda/no-callback-handler callbackHandler']);
  });
});

describe('a service whose responses a wrapper builds (the Serverless Stack guide\'s notes API, and middy)', () => {
  it('says nothing of what the wrapped functions return, and reports what the wrapper passes on', async () => {
    expect(await lint('notes-api')).toEqual([
      // notes/: libs/handler-lib.mjs answers { statusCode, body: JSON.stringify(<return value>) } and
      // catches what the function throws, so returning the item and throwing are both fine.
      // users/profile.mjs: http-cors wraps the bare object into { statusCode: 200, body: <the object> },
      // and REST answers 502 for an object body.
      'notes-api/users/profile.mjs:5 aws-lambda/valid-proxy-response noProxyKeys',
      // users/settings.mjs: http-response-serializer turns the object body into JSON text.
    ]);
  });
});

describe('web frameworks on Lambda (serverless-express, Powertools, lambda-api, hono) on nodejs24.x', () => {
  it('reports the library-made handlers Node.js 24 refuses and the dropped router answer, and nothing inside routes', async () => {
    expect(await lint('web-frameworks')).toEqual([
      // hono 4.12.3 installed: hono/lambda-edge makes a three-parameter function.
      'web-frameworks/edge/index.mjs:8 aws-lambda/no-callback-handler libraryCallbackHandler',
      // @vendia/serverless-express 4.12.6 installed, though package.json asks for ^4.12.6.
      'web-frameworks/express/lambda.mjs:5 aws-lambda/no-callback-handler libraryCallbackHandler',
      // routes/todos.mjs: the routes return application values; the handler drops the router's answer.
      'web-frameworks/routes/todos.mjs:10 aws-lambda/valid-proxy-response unreturnedResponse',
      // routes/status.mjs returns api.run(...): nothing to say.
    ]);
  });
});
