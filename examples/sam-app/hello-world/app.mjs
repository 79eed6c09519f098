// The SAM hello-world handler after an edit: `async` dropped and the body left as an object. No
// setting names `lambdaHandler` or the integration: template.yaml does.
export const lambdaHandler = (event, context) => {
  return {
    statusCode: 200,
    body: { message: 'hello world', path: event.path },
  };
};
