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
