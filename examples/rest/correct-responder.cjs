// A responder helper with CORS headers, the pattern many answers to the question suggest. REST sends
// the boolean header as "true"; a load balancer would answer 502 for it.
const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Credentials': true,
};

const responder = {
  success: (data) => ({ statusCode: 200, headers: cors, body: JSON.stringify(data) }),
  failure: (error) => ({ statusCode: 500, headers: cors, body: JSON.stringify({ message: error.message }) }),
};

module.exports.handler = async (event) => {
  try {
    const item = JSON.parse(event.body);
    return responder.success(item);
  } catch (error) {
    return responder.failure(error);
  }
};
