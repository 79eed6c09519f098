// HTTP API 2.0 without statusCode: the whole object becomes the body, and the headers are never applied.
import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  return {
    headers: { 'Content-Type': 'text/html' },
    body: `<h1>${event.rawPath}</h1>`,
  };
};
