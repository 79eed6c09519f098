/**
 * Triggers whose caller never reads the handler's answer: it invokes asynchronously and moves on
 * (SNS, S3 notifications, EventBridge rules and schedules, CloudWatch Logs subscriptions, IoT rules).
 * A returned value lost there loses nothing. Direct invocation, SQS (batch item failures), streams
 * (DynamoDB, Kinesis), Step Functions, Cognito triggers and HTTP front doors read it.
 * Sources: the Lambda developer guide's "Invoking Lambda functions" (asynchronous invocation by
 * service), SAM's event source types and the Serverless Framework's event names.
 */

/** SAM `Events` types whose caller ignores the answer. */
export const ANSWER_IGNORED_SAM_EVENTS: ReadonlySet<string> = new Set([
  'SNS',
  'S3',
  'Schedule',
  'ScheduleV2',
  'EventBridgeRule',
  'CloudWatchEvent',
  'CloudWatchLogs',
  'IoTRule',
]);

/** Serverless Framework event names whose caller ignores the answer. */
export const ANSWER_IGNORED_SERVERLESS_EVENTS: ReadonlySet<string> = new Set([
  'sns',
  's3',
  'schedule',
  'eventBridge',
  'cloudwatchEvent',
  'cloudwatchLog',
  'iot',
]);

/** `@types/aws-lambda` events and handlers of those triggers. */
export const ANSWER_IGNORED_TYPE = /^(?:SNS|S3|EventBridge|Scheduled|CloudWatchLogs)(?:Event|Handler)$/u;

/** Fields of an event record that only those triggers' events have: `record.Sns.Message`, `record.s3.bucket`. */
export const ANSWER_IGNORED_RECORD_FIELDS: ReadonlySet<string> = new Set(['Sns', 's3']);

/**
 * AWS CDK constructs that wire a function to a trigger other than an HTTP front door, by module (as
 * `aws-lambda-event-sources`, the `aws-cdk-lib/` or `@aws-cdk/` prefix removed) and class; true where
 * the caller ignores the answer. Sources: the aws-cdk-lib API reference of each module.
 */
export const CDK_OTHER_TRIGGERS: ReadonlyMap<string, boolean> = new Map([
  ['aws-lambda-event-sources.SqsEventSource', false],
  ['aws-lambda-event-sources.KinesisEventSource', false],
  ['aws-lambda-event-sources.DynamoEventSource', false],
  ['aws-lambda-event-sources.ManagedKafkaEventSource', false],
  ['aws-lambda-event-sources.SelfManagedKafkaEventSource', false],
  ['aws-lambda-event-sources.S3EventSource', true],
  ['aws-lambda-event-sources.S3EventSourceV2', true],
  ['aws-lambda-event-sources.SnsEventSource', true],
  ['aws-events-targets.LambdaFunction', true],
  ['aws-scheduler-targets.LambdaInvoke', true],
  ['aws-sns-subscriptions.LambdaSubscription', true],
  ['aws-s3-notifications.LambdaDestination', true],
  ['aws-logs-destinations.LambdaDestination', true],
  ['aws-stepfunctions-tasks.LambdaInvoke', false],
]);
