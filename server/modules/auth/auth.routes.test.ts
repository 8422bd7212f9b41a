import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestEnv, signIn, type TestEnv } from '../../test/harness';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

describe('health', () => {
  it('reports version and database mode', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.ready).toBe(true);
    expect(['embedded', 'server']).toContain(body.database);
  });
});

describe('sign-in', () => {
  it('signs in with e-mail and password and shows the current user', async () => {
    const user = await buildUser(env, { roles: ['analyst'] });
    const { cookie } = await signIn(env, user);
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: user.email, roles: ['analyst'], totpEnrolmentRequired: false });
  });

  it('sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const user = await buildUser(env);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    const cookie = res.cookies.find((c) => c.name === 'pora_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('refuses a wrong password with a problem+json and no cookie', async () => {
    const user = await buildUser(env);
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: 'salah-sekali-ini' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('INVALID_CREDENTIALS');
    expect(res.cookies).toHaveLength(0);
  });

  it('asks for the second factor, then accepts a valid code once', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    const user = await buildUser(env, { roles: ['office_admin'], totpSecret: secret });
    const first = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(first.json().code).toBe('TOTP_REQUIRED');
    const code = await generate({ secret });
    const { cookie } = await signIn(env, user, code);
    expect(cookie).toMatch(/^pora_session=/);
    // The same code cannot be replayed.
    const replay = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: user.email, password: user.password, totp: code },
    });
    expect(replay.json().code).toBe('TOTP_INVALID');
  });

  it('rejects a forged cookie as an expired session', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/auth/sessions',
      headers: { cookie: 'pora_session=forged-token-value' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });
});
