// The repaired handler: an object with a numeric statusCode, string headers and a string body.
exports.handler = async (event) => {
  const responseBody = { Hello: 'World', path: event.path };
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(responseBody),
  };
};
