import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cdkFunctions } from '../../src/analysis/descriptors/cdk.js';
import { DescriptorError } from '../../src/analysis/descriptors/functions.js';

// The CDK reader on small apps written to a scratch folder: each line is what it says of one function,
// `module#export runtime integration [ignored]`, the module relative to the app.
const scratch = path.join(import.meta.dirname, '..', '.tmp');
mkdirSync(scratch, { recursive: true });
const root = mkdtempSync(path.join(scratch, 'cdk-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let count = 0;
function app(files: Record<string, string>, cdkJson: object = { app: 'npx ts-node bin/app.ts' }): string {
  const folder = path.join(root, `app${(count += 1)}`);
  for (const [name, text] of Object.entries({ 'cdk.json': JSON.stringify(cdkJson), '.git/HEAD': '', ...files })) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  return path.join(folder, 'cdk.json');
}

function read(descriptor: string): string[] {
  const base = path.dirname(descriptor);
  return [...cdkFunctions(descriptor).functions].flatMap(([module, list]) =>
    list.map((fn) => `${path.relative(base, module)}#${fn.exportName} ${fn.runtime ?? '?'} ${fn.integration ?? '?'}${fn.answerIgnored ? ' ignored' : ''}`),
  );
}

const stack = (body: string, imports = '') => ({
  'bin/app.ts': "import { App } from 'aws-cdk-lib';\nimport { AppStack } from '../lib/stack';\nnew AppStack(new App(), 'AppStack');\n",
  'lib/stack.ts': `import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
${imports}
export class AppStack extends Stack {
  constructor(scope: any, id: string) {
    super(scope, id);
${body}
  }
}
`,
});

describe('function constructs', () => {
  it('lambda.Function: the asset folder and the handler string, in the forms apps write them', () => {
    const descriptor = app(
      stack(`
    new lambda.Function(this, 'A', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset('src/a') });
    new lambda.Function(this, 'B', { runtime: lambda.Runtime.NODEJS_20_X, handler: 'b.main', code: lambda.Code.fromAsset(path.join(__dirname, '..', 'src')) });
    new lambda.Function(this, 'C', { runtime: new lambda.Runtime('nodejs24.x'), handler: \`\${dir}/c.run\`, code: lambda.Code.fromAsset(path.resolve(__dirname, '../src')) });
    const props = { runtime: lambda.Runtime.NODEJS_22_X, code: new lambda.AssetCode('src') };
    new lambda.Function(this, 'D', { ...props, handler: 'd.handler' });
    new lambda.Function(this, 'Inline', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('x') });
    new lambda.Function(this, 'Computed', { runtime: lambda.Runtime.NODEJS_22_X, handler: process.env.HANDLER!, code: lambda.Code.fromAsset('src') });`,
        "const dir = 'nested';",
      ),
    );
    expect(read(descriptor)).toEqual([
      'src/a/index#handler nodejs22.x other',
      'src/b#main nodejs20.x other',
      'src/nested/c#run nodejs24.x other',
      'src/d#handler nodejs22.x other',
    ]);
  });

  it('paths built with path functions imported by name: join, resolve, dirname and fileURLToPath', () => {
    const descriptor = app({
      'bin/app.ts': "import '../lib/stack.js';\n",
      'lib/stack.ts': `import { join } from 'node:path';
import { dirname as folderOf, resolve } from 'path';
import { fileURLToPath } from 'node:url';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
const { join: joined } = require('path');
const here = folderOf(fileURLToPath(import.meta.url));
new NodejsFunction(this, 'A', { entry: join(__dirname, '..', 'lambda', 'a.ts'), runtime: lambda.Runtime.NODEJS_22_X });
new NodejsFunction(this, 'B', { entry: resolve(here, '../lambda/b.ts'), runtime: lambda.Runtime.NODEJS_22_X });
new NodejsFunction(this, 'C', { entry: joined(__dirname, '../lambda/c.ts'), runtime: lambda.Runtime.NODEJS_22_X });
`,
    });
    expect(read(descriptor)).toEqual(['lambda/a#handler nodejs22.x other', 'lambda/b#handler nodejs22.x other', 'lambda/c#handler nodejs22.x other']);
  });

  it('NodejsFunction: entry, handler, the default entry beside the stack file, and imports of every shape', () => {
    const descriptor = app({
      'bin/app.ts': "import '../lib/stack.js';\n",
      'lib/stack.ts': `import * as cdk from 'aws-cdk-lib';
import { aws_lambda_nodejs as nodejs } from 'aws-cdk-lib';
import { NodejsFunction as Fn } from 'aws-cdk-lib/aws-lambda-nodejs';
export class AppStack extends cdk.Stack {
  constructor(scope: any, id: string) {
    super(scope, id);
    new Fn(this, 'A', { entry: 'lambda/a.ts', runtime: cdk.aws_lambda.Runtime.NODEJS_22_X });
    new nodejs.NodejsFunction(this, 'B', { entry: path.join(import.meta.dirname, '../lambda/b.ts'), handler: 'main', runtime: cdk.aws_lambda.Runtime.NODEJS_24_X });
    new Fn(this, 'worker', { runtime: cdk.aws_lambda.Runtime.NODEJS_22_X });
    new Fn(this, 'Dotted', { entry: 'lambda/c.ts', handler: 'index.main' });
  }
}
import path from 'node:path';
`,
    });
    expect(read(descriptor)).toEqual([
      'lambda/a#handler nodejs22.x other',
      'lambda/b#main nodejs24.x other',
      'lib/stack.worker#handler nodejs22.x other',
    ]);
  });

  it('a JavaScript app in CommonJS, read through require', () => {
    const descriptor = app(
      {
        'bin/app.js': "const { AppStack } = require('../lib/stack');\n",
        'lib/stack.js': `const { Stack, aws_lambda: lambda } = require('aws-cdk-lib');
const { NodejsFunction } = require('aws-cdk-lib/aws-lambda-nodejs');
class AppStack extends Stack {
  constructor(scope, id) {
    super(scope, id);
    new NodejsFunction(this, 'A', { entry: 'functions/a.js', runtime: lambda.Runtime.NODEJS_22_X });
  }
}
module.exports = { AppStack };
`,
      },
      { app: 'node bin/app.js' },
    );
    expect(read(descriptor)).toEqual(['functions/a#handler nodejs22.x other']);
  });
});

describe('runtimes that depend on the aws-cdk-lib version and the feature flag', () => {
  const latest = (manifest: object, installed?: string, context: object = {}) =>
    read(
      app(
        {
          ...stack(`
    new lambda.Function(this, 'L', { runtime: lambda.Runtime.NODEJS_LATEST, handler: 'l.handler', code: lambda.Code.fromAsset('src') });
    new NodejsFunction(this, 'D', { entry: 'src/d.ts' });`, "import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';"),
          'package.json': JSON.stringify(manifest),
          ...(installed ? { 'node_modules/aws-cdk-lib/package.json': JSON.stringify({ version: installed }) } : {}),
        },
        { app: 'npx ts-node bin/app.ts', context },
      ),
    );
  const flag = { '@aws-cdk/aws-lambda-nodejs:useLatestRuntimeVersion': true };

  it('the installed version first, then the range in package.json; the flag makes NodejsFunction follow NODEJS_LATEST', () => {
    expect(latest({ dependencies: { 'aws-cdk-lib': '^2.100.0' } }, '2.259.0', flag)).toEqual(['src/l#handler nodejs24.x other', 'src/d#handler nodejs24.x other']);
    expect(latest({ devDependencies: { 'aws-cdk-lib': '2.258.1' } }, undefined, flag)).toEqual(['src/l#handler nodejs22.x other', 'src/d#handler nodejs22.x other']);
    expect(latest({ dependencies: { 'aws-cdk-lib': '^2.259.0' } }, undefined, flag)).toEqual(['src/l#handler nodejs24.x other', 'src/d#handler nodejs24.x other']);
  });

  it('a range that spans a change, or no version at all, is unknown; without the flag NodejsFunction keeps nodejs16.x', () => {
    expect(latest({ dependencies: { 'aws-cdk-lib': '^2.200.0' } })).toEqual(['src/l#handler ? other', 'src/d#handler nodejs16.x other']);
    expect(latest({})).toEqual(['src/l#handler ? other', 'src/d#handler nodejs16.x other']);
  });
});

describe('triggers, followed through the variable or property that holds the function', () => {
  it('HTTP front doors', () => {
    const descriptor = app(
      stack(
        `
    const code = lambda.Code.fromAsset('src');
    const runtime = lambda.Runtime.NODEJS_22_X;
    const rest = new lambda.Function(this, 'Rest', { code, runtime, handler: 'rest.handler' });
    new apigw.LambdaRestApi(this, 'Api', { handler: rest });
    this.proxy = new lambda.Function(this, 'Proxy', { code, runtime, handler: 'proxy.handler' });
    api.root.addMethod('GET', new apigw.LambdaIntegration(this.proxy));
    const mapped = new lambda.Function(this, 'Mapped', { code, runtime, handler: 'mapped.handler' });
    api.root.addMethod('POST', new apigw.LambdaIntegration(mapped, { proxy: false }));
    const v1 = new lambda.Function(this, 'V1', { code, runtime, handler: 'v1.handler' });
    new HttpLambdaIntegration('V1', v1, { payloadFormatVersion: PayloadFormatVersion.VERSION_1_0 });
    const v2 = new lambda.Function(this, 'V2', { code, runtime, handler: 'v2.handler' });
    const alias = v2;
    new HttpLambdaIntegration('V2', alias);
    const url = new lambda.Function(this, 'Url', { code, runtime, handler: 'url.handler' });
    url.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE });
    const url2 = new lambda.Function(this, 'Url2', { code, runtime, handler: 'url2.handler' });
    new lambda.FunctionUrl(this, 'U', { function: url2 });
    const alb = new lambda.Function(this, 'Alb', { code, runtime, handler: 'alb.handler' });
    listener.addTargets('T', { targets: [new LambdaTarget(alb)] });
    const both = new lambda.Function(this, 'Both', { code, runtime, handler: 'both.handler' });
    new apigw.LambdaRestApi(this, 'Api2', { handler: both });
    both.addFunctionUrl();
    const custom = new lambda.Function(this, 'Custom', { code, runtime, handler: 'custom.handler' });
    new HttpLambdaIntegration('C', custom, { payloadFormatVersion: version });`,
        `import * as apigw from 'aws-cdk-lib/aws-apigateway';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { PayloadFormatVersion } from 'aws-cdk-lib/aws-apigatewayv2';
import { LambdaTarget } from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';`,
      ),
    );
    expect(read(descriptor)).toEqual([
      'src/rest#handler nodejs22.x rest',
      'src/proxy#handler nodejs22.x rest',
      'src/mapped#handler nodejs22.x other',
      'src/v1#handler nodejs22.x http-v1',
      'src/v2#handler nodejs22.x http-v2',
      'src/url#handler nodejs22.x url',
      'src/url2#handler nodejs22.x url',
      'src/alb#handler nodejs22.x alb',
      // Two front doors, or a payload version from a variable: not known.
      'src/both#handler nodejs22.x ?',
      'src/custom#handler nodejs22.x ?',
    ]);
  });

  it('event sources and targets: other, and whether the caller reads the answer', () => {
    const descriptor = app(
      stack(
        `
    const code = lambda.Code.fromAsset('src');
    const runtime = lambda.Runtime.NODEJS_22_X;
    const queue = new lambda.Function(this, 'Queue', { code, runtime, handler: 'queue.handler' });
    queue.addEventSource(new sources.SqsEventSource(q));
    const topic = new lambda.Function(this, 'Topic', { code, runtime, handler: 'topic.handler' });
    const subscription = new sources.SnsEventSource(t);
    topic.addEventSource(subscription);
    const rule = new lambda.Function(this, 'Rule', { code, runtime, handler: 'rule.handler' });
    new events.Rule(this, 'R', { schedule, targets: [new targets.LambdaFunction(rule)] });
    const mapping = new lambda.Function(this, 'Mapping', { code, runtime, handler: 'mapping.handler' });
    new lambda.EventSourceMapping(this, 'M', { target: mapping, eventSourceArn: arn });
    const unknown = new lambda.Function(this, 'Unknown', { code, runtime, handler: 'unknown.handler' });
    unknown.addEventSource(new ThirdPartySource());
    new lambda.Function(this, 'Nothing', { code, runtime, handler: 'nothing.handler' });`,
        `import * as sources from 'aws-cdk-lib/aws-lambda-event-sources';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as events from 'aws-cdk-lib/aws-events';`,
      ),
    );
    expect(read(descriptor)).toEqual([
      'src/queue#handler nodejs22.x other',
      'src/topic#handler nodejs22.x other ignored',
      'src/rule#handler nodejs22.x other ignored',
      'src/mapping#handler nodejs22.x other',
      'src/unknown#handler nodejs22.x ?',
      'src/nothing#handler nodejs22.x other',
    ]);
  });

  it('a function no trigger names is invoked directly only where the app has no HTTP front door it cannot see', () => {
    const unwired = `    new lambda.Function(this, 'Direct', { code: lambda.Code.fromAsset('src'), runtime: lambda.Runtime.NODEJS_22_X, handler: 'direct.handler' });`;
    // No API, load balancer or Function URL anywhere, and only the CDK's own modules: invoked directly.
    expect(read(app(stack(unwired, "import { NagSuppressions } from 'cdk-nag';\nimport { readFileSync } from 'node:fs';")))).toEqual([
      'src/direct#handler nodejs22.x other',
    ]);
    // An API in the app that does not name it (it may take the function by a path the reader does not follow).
    expect(read(app(stack(`${unwired}\n    new apigw.RestApi(this, 'Api');`, "import * as apigw from 'aws-cdk-lib/aws-apigateway';")))).toEqual([
      'src/direct#handler nodejs22.x ?',
    ]);
    // A construct library may make an API the reader cannot see.
    expect(read(app(stack(unwired, "import { LambdaToSqs } from '@aws-solutions-constructs/aws-lambda-sqs';")))).toEqual([
      'src/direct#handler nodejs22.x ?',
    ]);
  });
});

describe('load balancer targets', () => {
  it('are `alb`, unless the file turns multi-value headers on somewhere', () => {
    const body = (extra: string) => `
    const fn = new lambda.Function(this, 'Alb', { code: lambda.Code.fromAsset('src'), runtime: lambda.Runtime.NODEJS_22_X, handler: 'alb.handler' });
    const group = new elbv2.ApplicationTargetGroup(this, 'G', { targets: [new LambdaTarget(fn)] });${extra}`;
    const imports = "import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';\nimport { LambdaTarget } from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';";
    expect(read(app(stack(body(''), imports)))).toEqual(['src/alb#handler nodejs22.x alb']);
    expect(read(app(stack(body("\n    group.setAttribute('lambda.multi_value_headers.enabled', 'true');"), imports)))).toEqual(['src/alb#handler nodejs22.x ?']);
  });
});

describe('apps that give nothing', () => {
  it('an app command that runs no JavaScript or TypeScript, or an entry that does not exist', () => {
    expect(read(app({ 'app.py': '' }, { app: 'python3 app.py' }))).toEqual([]);
    expect(read(app({}, { app: 'npx ts-node bin/missing.ts' }))).toEqual([]);
  });

  it('a source file that does not parse: an error that names it, with the files read so far', () => {
    const descriptor = app({ 'bin/app.ts': "import '../lib/stack';\n", 'lib/stack.ts': 'export class {' });
    let error: unknown;
    try {
      cdkFunctions(descriptor);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DescriptorError);
    expect((error as DescriptorError).message).toBe("stack.ts:1: '}' expected.");
    expect((error as DescriptorError).files.map((file) => path.relative(path.dirname(descriptor), file))).toEqual([
      'cdk.json',
      path.join('bin', 'app.ts'),
      path.join('lib', 'stack.ts'),
    ]);
  });
});
