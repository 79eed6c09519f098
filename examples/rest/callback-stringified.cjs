// The whole response stringified: API Gateway receives a string, not an object, and answers 502.
exports.handler = function (event, context, callback) {
  const response = {
    statusCode: 200,
    headers: { 'x-custom-header': 'my custom header value' },
    body: JSON.stringify({ input: event.resource }),
  };
  callback(null, JSON.stringify(response));
};
