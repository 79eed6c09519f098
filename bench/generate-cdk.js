// Writes a CDK-shaped project for the benchmark: `cdk.json`, `bin/app.ts`, one stack file per service
// under `lib/`, each declaring its functions (`NodejsFunction` with `entry` and `NODEJS_LATEST`, behind
// an HTTP API or an SQS queue), and under `services/` the handler files those stacks name, with a
// helper module beside every second one. Deterministic for a given number of functions.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const PER_STACK = 20;

const handler = (service, index) =>
  index % 4 === 3
    ? `import type { SQSEvent } from 'aws-lambda';

export const handler = async (event: SQSEvent) => {
  for (const record of event.Records) JSON.parse(record.body);
  return { batchItemFailures: [] };
};
`
    : index % 4 === 2
      ? `// A callback handler: NODEJS_LATEST makes it nodejs24.x, which refuses it.
export const handler = (event: { rawPath: string }, context: unknown, callback: (error: Error | null, result?: unknown) => void) => {
  callback(null, { statusCode: 200, body: event.rawPath });
};
`
      : `import { load${index} } from './helper-${index - (index % 2)}.js';

export const handler = async (event: { pathParameters?: Record<string, string> }) => {
  const item = await load${index - (index % 2)}(event.pathParameters?.id ?? '');
  if (!item) return { statusCode: 404, body: JSON.stringify({ message: 'not found' }) };
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: item };
};
`;

const helper = (index) => `export interface Item${index} {
  readonly id: string;
  readonly name: string;
}

export async function load${index}(id: string): Promise<Item${index} | undefined> {
  return id ? { id, name: 'item ${index}' } : undefined;
}
`;

const stack = (service, count) => `import * as path from 'path';
import { Stack, type StackProps } from 'aws-cdk-lib';
import { HttpApi, HttpMethod } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export class Service${service}Stack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const api = new HttpApi(this, 'Api');
    const queue = new Queue(this, 'Jobs');
${Array.from({ length: count }, (_, index) => {
  const name = `fn${index}`;
  const wiring =
    index % 4 === 3
      ? `    ${name}.addEventSource(new SqsEventSource(queue));`
      : `    api.addRoutes({ path: '/r${index}', methods: [HttpMethod.GET], integration: new HttpLambdaIntegration('Route${index}', ${name}) });`;
  return `    const ${name} = new NodejsFunction(this, 'Fn${index}', {
      entry: path.join(__dirname, '../services/s${service}/handler-${index}.ts'),
      runtime: Runtime.NODEJS_LATEST,
    });
${wiring}`;
}).join('\n')}
  }
}
`;

/**
 * Writes the project into `dir`: `functions` handler files over as many stacks as it takes.
 * @param {string} dir
 * @param {number} functions
 */
export async function generateCdkProject(dir, functions) {
  await rm(dir, { recursive: true, force: true });
  const stacks = Math.ceil(functions / PER_STACK);
  const files = new Map([
    ['cdk.json', JSON.stringify({ app: 'npx ts-node --prefer-ts-exts bin/app.ts', context: { '@aws-cdk/aws-lambda-nodejs:useLatestRuntimeVersion': true } }, null, 2)],
    ['package.json', JSON.stringify({ name: 'bench-cdk', private: true, dependencies: { 'aws-cdk-lib': '2.262.0' } })],
    [
      'bin/app.ts',
      `import { App } from 'aws-cdk-lib';\n${Array.from({ length: stacks }, (_, s) => `import { Service${s}Stack } from '../lib/service-${s}-stack';`).join('\n')}\n\nconst app = new App();\n${Array.from({ length: stacks }, (_, s) => `new Service${s}Stack(app, 'Service${s}');`).join('\n')}\n`,
    ],
  ]);
  let left = functions;
  for (let s = 0; s < stacks; s++) {
    const count = Math.min(PER_STACK, left);
    left -= count;
    files.set(`lib/service-${s}-stack.ts`, stack(s, count));
    for (let index = 0; index < count; index++) {
      files.set(`services/s${s}/handler-${index}.ts`, handler(s, index));
      if (index % 2 === 0) files.set(`services/s${s}/helper-${index}.ts`, helper(index));
    }
  }
  for (const [file, source] of files) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), source);
  }
  // The search for descriptors ends here, as it would at a repository's root.
  await mkdir(path.join(dir, '.git'), { recursive: true });
  return { files: [...files.keys()], handlers: [...files.keys()].filter((file) => file.includes('/handler-')) };
}
