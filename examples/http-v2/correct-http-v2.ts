// A correct HTTP API 2.0 handler: cookies go in `cookies`, one string each.
import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';

export const handler: APIGatewayProxyHandlerV2 = async (event) => ({
  statusCode: 200,
  headers: { 'Content-Type': 'application/json' },
  cookies: ['session=abc; HttpOnly; Secure', 'theme=dark'],
  body: JSON.stringify({ route: event.routeKey }),
});
