/**
 * The `@types/aws-lambda` package as data: where its declarations live, and what each family of its
 * type names says about a handler's trigger. A type counts only when it is declared in this package
 * (imported from `aws-lambda`, or declared there to the type checker), never by its name alone: a
 * project's own `ALBConfig` says nothing. Source: the spec's section 5.
 */
import type { Integration } from './proxy-contract.js';

/** The module specifier the types are imported from. */
export const AWS_LAMBDA_MODULE = 'aws-lambda';

/** A declaration file of the package (npm, pnpm and Yarn layouts). */
export const AWS_LAMBDA_DECLARATION_FILE = /[\\/]node_modules[\\/]@types[\\/]aws-lambda[\\/]/u;

const OTHER_TRIGGER_TYPE =
  /^(?:SQS|SNS|S3|EventBridge|Scheduled|DynamoDB|Kinesis|Cognito|CloudFormation|CloudWatch|CloudFront|Firehose|SES|IoT|CodePipeline|CodeCommit|CodeBuild|MSK|SelfManagedKafka|AppSync|Lex|SecretsManager|CdkCustomResource|TransferFamily|Amplify|Connect|GuardDuty|AutoScaling|LambdaDestination|S3Batch)[A-Z]/u;

/** What a `@types/aws-lambda` type name says about the handler: its integration, another trigger, or nothing. */
export function integrationOfTypeName(name: string): Integration | 'other' | undefined {
  if (/^LambdaFunctionURL/u.test(name)) return 'url';
  if (/^ALB/u.test(name)) return 'alb';
  // WebSocket routes (`APIGatewayProxyWebsocketHandlerV2`) answer a socket, not an HTTP request.
  if (name.includes('Websocket')) return 'other';
  if (name.startsWith('APIGatewayProxy')) return name.includes('V2') ? 'http-v2' : 'rest';
  if (name === 'APIGatewayEvent') return 'rest';
  if (/Authorizer/u.test(name)) return 'other';
  if (OTHER_TRIGGER_TYPE.test(name)) return 'other';
  return undefined;
}

/** The generic names of the package that say "Lambda" without naming a trigger. */
export const GENERIC_LAMBDA_TYPES: ReadonlySet<string> = new Set(['Handler', 'Context', 'Callback']);
