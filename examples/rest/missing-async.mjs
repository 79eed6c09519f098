// No `async`: on Node.js 22 and earlier the runtime ignores the returned object and answers null.
export const handler = (event) => {
  const name = event.queryStringParameters?.name ?? 'world';
  return {
    statusCode: 200,
    body: JSON.stringify({ message: `Hello, ${name}` }),
  };
};
