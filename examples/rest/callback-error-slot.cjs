// The response passed as the callback's error argument: a function error, and API Gateway answers 502.
exports.handler = (event, context, callback) => {
  const response = {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ok: true, method: event.httpMethod }),
  };
  callback(response);
};
