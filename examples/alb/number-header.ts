// An ALB target: header values must be strings. `@types/aws-lambda` allows numbers, ALB answers 502.
import type { ALBHandler } from 'aws-lambda';

export const handler: ALBHandler = (event) => {
  const body = JSON.stringify({ path: event.path });
  return {
    statusCode: 200,
    statusDescription: '200 OK',
    headers: { 'Content-Type': 'application/json', 'Content-Length': body.length },
    body,
    isBase64Encoded: false,
  };
};
