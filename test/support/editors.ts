import type { TestApp } from './test-app.js';

/** The first admin, as the app is told of it (ADMIN_EMAIL, ADMIN_PASSWORD): pass it to startTestApp. */
export const ADMIN = { ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'correct horse battery staple' };

export interface Editors {
  admin: string;
  editor: string;
  contributor: string;
}

/** Signs in the first admin and creates an editor and a contributor through the API; returns their tokens. */
export async function signInEditors(t: TestApp): Promise<Editors> {
  const login = async (email: string, password: string): Promise<string> => {
    const res = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }`, {
      e: email,
      p: password,
    });
    if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
    return res.data.login.token as string;
  };
  const admin = await login(ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
  for (const role of ['EDITOR', 'CONTRIBUTOR']) {
    const res = await t.gql(
      `mutation($e: String!, $r: Role!) { createUser(email: $e, password: "a long password 1", role: $r) { id } }`,
      { e: `${role.toLowerCase()}@example.org`, r: role },
      admin,
    );
    if (res.errors) throw new Error(`createUser failed: ${JSON.stringify(res.errors)}`);
  }
  return {
    admin,
    editor: await login('editor@example.org', 'a long password 1'),
    contributor: await login('contributor@example.org', 'a long password 1'),
  };
}

/** Signs in as the admin that ADMIN_EMAIL/ADMIN_PASSWORD created and returns the bearer token. */
export async function signIn(t: TestApp): Promise<string> {
  const res = await t.gql<{ login: { token: string } }>(
    `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`,
    { email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD },
  );
  if (!res.data?.login) throw new Error(`login failed: ${JSON.stringify(res.errors)}`);
  return res.data.login.token;
}
