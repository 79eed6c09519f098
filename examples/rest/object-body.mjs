// `body` is an object, not a string: API Gateway answers 502.
export const handler = async (event) => {
  const item = { id: event.pathParameters.id, name: 'Widget' };
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: item,
  };
};
