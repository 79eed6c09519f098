// `body` is a promise (`response.json()` is never awaited and never a string).
import type { APIGatewayProxyHandler } from 'aws-lambda';

export const handler: APIGatewayProxyHandler = async (event) => {
  const response = await fetch(`https://api.example.com/items/${event.pathParameters?.id ?? ''}`);
  return {
    statusCode: response.status,
    body: response.json(),
  };
};
