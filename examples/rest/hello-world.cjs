// The question's first attempt: a bare object. API Gateway (REST) answers 502 Malformed Lambda proxy response.
exports.handler = function (event, context, callback) {
  const responseBody = { Hello: 'World' };
  callback(null, responseBody);
};
