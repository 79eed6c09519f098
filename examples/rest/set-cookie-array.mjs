// Several cookies as an array inside `headers`: header values must be strings.
export const handler = async (event) => {
  return {
    statusCode: 302,
    headers: {
      Location: '/home',
      'Set-Cookie': ['session=abc; HttpOnly; Secure', 'theme=dark'],
    },
    body: '',
  };
};
