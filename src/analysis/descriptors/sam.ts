import path from 'node:path';
import { ANSWER_IGNORED_SAM_EVENTS } from '../../contract/triggers.js';
import { addFunction, type DescribedFunction, type DescriptorReading, type FunctionsByModule, splitHandler } from './functions.js';
import { asRecord, asString, nodeRuntime, readDocument, scalarText } from './read.js';

/** Resources that wire a function to HTTP from outside its own `Events` (plain CloudFormation, OpenAPI). */
const OUTSIDE_HTTP_WIRING = /^AWS::(?:ApiGateway|ApiGatewayV2|ElasticLoadBalancingV2|Lambda::Url)::/u;

/** SAM (`AWS::Serverless::Function`) and CloudFormation (`AWS::Lambda::Function`) functions. */
export function samFunctions(descriptor: string): DescriptorReading {
  const document = asRecord(readDocument(descriptor)) ?? {};
  const functions: FunctionsByModule = new Map();
  const base = path.dirname(descriptor);
  const globals = asRecord(asRecord(document.Globals)?.Function) ?? {};
  const resources = asRecord(document.Resources) ?? {};
  const wiredOutside = Object.values(resources).some((resource) => {
    const record = asRecord(resource);
    const type = asString(record?.Type) ?? '';
    const properties = asRecord(record?.Properties) ?? {};
    return (
      OUTSIDE_HTTP_WIRING.test(type) ||
      ((type === 'AWS::Serverless::Api' || type === 'AWS::Serverless::HttpApi') &&
        (properties.DefinitionBody !== undefined || properties.DefinitionUri !== undefined))
    );
  });
  for (const resource of Object.values(resources)) {
    const record = asRecord(resource);
    const type = asString(record?.Type);
    if (type !== 'AWS::Serverless::Function' && type !== 'AWS::Lambda::Function') continue;
    const properties = asRecord(record?.Properties) ?? {};
    const handler = asString(properties.Handler) ?? asString(globals.Handler);
    const codeUri = asString(properties.CodeUri) ?? asString(globals.CodeUri) ?? '.';
    const target = handler && splitHandler(path.resolve(base, codeUri), handler);
    if (!target) continue;
    // A plain CloudFormation function has no events of its own: other resources say what calls it.
    const serverless = type === 'AWS::Serverless::Function';
    addFunction(functions, target.module, {
      exportName: target.exportName,
      runtime: nodeRuntime(properties.Runtime) ?? nodeRuntime(globals.Runtime),
      integration: serverless ? samIntegration(properties, resources, wiredOutside) : undefined,
      albMultiValueHeaders: false,
      answerIgnored: serverless && answerIgnored(properties),
      descriptor,
    });
  }
  return { functions, files: [descriptor] };
}

function samIntegration(
  properties: Record<string, unknown>,
  resources: Record<string, unknown>,
  wiredOutside: boolean,
): DescribedFunction['integration'] {
  if (properties.FunctionUrlConfig) return 'url';
  const events = Object.values(asRecord(properties.Events) ?? {}).map(asRecord);
  let other = false;
  for (const event of events) {
    const type = asString(event?.Type);
    const eventProperties = asRecord(event?.Properties) ?? {};
    if (type === 'Api') return 'rest';
    if (type === 'HttpApi') {
      const api = asString(asRecord(eventProperties.ApiId)?.Ref);
      const apiProperties = asRecord(asRecord(api ? resources[api] : undefined)?.Properties) ?? {};
      const version = scalarText(eventProperties.PayloadFormatVersion) ?? scalarText(apiProperties.PayloadFormatVersion) ?? '2.0';
      return version === '1.0' ? 'http-v1' : 'http-v2';
    }
    if (type) other = true;
  }
  if (other) return 'other';
  // No events at all: invoked directly (the SDK, Step Functions, another function), unless the
  // template wires HTTP to functions from outside their events.
  return wiredOutside ? undefined : 'other';
}

function answerIgnored(properties: Record<string, unknown>): boolean {
  if (properties.FunctionUrlConfig) return false;
  const types = Object.values(asRecord(properties.Events) ?? {}).map((event) => asString(asRecord(event)?.Type) ?? '');
  return types.length > 0 && types.every((type) => ANSWER_IGNORED_SAM_EVENTS.has(type));
}
