import type { Role } from '../core/auth/auth.tables.ts';
import { createUser, testPassword, type UserFactoryOptions } from './factories.ts';
import { TestClient, type TestApp } from './test-app.ts';

/** A new user made with these options, and a TestClient signed in as that user. */
export async function signedInWith(t: TestApp, options: UserFactoryOptions = {}) {
  const user = await createUser(t.db, options);
  const client = new TestClient(t.app);
  await client.signIn(user.email, testPassword);
  return { user, client };
}

/** A new user with one role in one organisation (none when the code is null), signed in. */
export function signedInAs(
  t: TestApp,
  organisationCode: string | null,
  role: Role = 'editor',
  options: Omit<UserFactoryOptions, 'memberOf'> = {},
) {
  return signedInWith(t, { ...options, memberOf: organisationCode ? { [organisationCode]: role } : {} });
}
