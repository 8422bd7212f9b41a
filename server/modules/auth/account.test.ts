// The account journeys around sign-in: lockout, first sign-in duties, 2FA enrolment, recovery codes, sessions.
import { sql } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client';
import { buildUser, createTestEnv, signIn, type TestEnv } from '../../test/harness';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

const post = (url: string, payload: unknown, cookie?: string, ip = '10.0.0.1') =>
  env.app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    remoteAddress: ip,
    ...(cookie ? { headers: { cookie } } : {}),
  });
const get = (url: string, cookie: string) => env.app.inject({ method: 'GET', url, headers: { cookie } });

describe('lockout', () => {
  it('locks an account after repeated wrong passwords, even against the right one, and audits each failure', async () => {
    const user = await buildUser(env);
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(
        (
          await post(
            '/api/v1/auth/login',
            { email: user.email, password: `salah-${i}-xxxxxxxx` },
            undefined,
            '10.9.0.1',
          )
        ).json().code,
      );
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    expect(codes[5]).toBe('ACCOUNT_LOCKED');
    const right = await post(
      '/api/v1/auth/login',
      { email: user.email, password: user.password },
      undefined,
      '10.9.0.2',
    );
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(right.json().retryAfterSeconds).toBeGreaterThan(0);
    const [audit] = await selectRows<{ n: number }>(
      env.database.db,
      sql`select count(*)::int as n from audit_log where action = 'auth.login_failed' and details->>'email' = ${user.email}`,
    );
    expect(audit?.n).toBe(5);
  });

  it('treats unknown e-mails like known ones', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(
        (
          await post(
            '/api/v1/auth/login',
            { email: 'tidak-ada@pora.test', password: 'apa saja sekali' },
            undefined,
            '10.9.1.1',
          )
        ).json().code,
      );
    }
    expect(codes[0]).toBe('INVALID_CREDENTIALS');
    expect(codes[5]).toBe('ACCOUNT_LOCKED');
  });

  it('locks an address that floods many accounts', async () => {
    const ip = '10.9.2.1';
    let last = '';
    for (let i = 0; i < 31; i++) {
      last = (
        await post('/api/v1/auth/login', { email: `orang${i}@pora.test`, password: 'coba coba saja' }, undefined, ip)
      ).json().code;
    }
    expect(last).toBe('ACCOUNT_LOCKED');
    const user = await buildUser(env);
    const fromFloodingAddress = await post(
      '/api/v1/auth/login',
      { email: user.email, password: user.password },
      undefined,
      ip,
    );
    expect(fromFloodingAddress.json().code).toBe('ACCOUNT_LOCKED');
    const fromElsewhere = await post(
      '/api/v1/auth/login',
      { email: user.email, password: user.password },
      undefined,
      '10.9.2.2',
    );
    expect(fromElsewhere.statusCode).toBe(200);
  });
});

describe('first sign-in duties', () => {
  it('a user with a one-time password reaches only the profile until it is changed', async () => {
    const user = await buildUser(env, { mustChangePassword: true });
    const { cookie } = await signIn(env, user);
    expect((await get('/api/v1/me', cookie)).json()).toMatchObject({ mustChangePassword: true });
    expect((await get('/api/v1/auth/sessions', cookie)).json().code).toBe('PASSWORD_CHANGE_REQUIRED');

    const tooShort = await post(
      '/api/v1/me/password',
      { currentPassword: user.password, newPassword: 'pendek' },
      cookie,
    );
    expect(tooShort.json()).toMatchObject({ code: 'PASSWORD_TOO_SHORT', minLength: 12 });
    const common = await post(
      '/api/v1/me/password',
      { currentPassword: user.password, newPassword: 'Indonesia2026!' },
      cookie,
    );
    expect(common.json().code).toBe('PASSWORD_TOO_COMMON');
    const wrong = await post(
      '/api/v1/me/password',
      { currentPassword: 'bukan-ini-passwordnya', newPassword: 'Sungai Lematang 77' },
      cookie,
    );
    expect(wrong.json().code).toBe('WRONG_PASSWORD');

    const ok = await post(
      '/api/v1/me/password',
      { currentPassword: user.password, newPassword: 'Sungai Lematang 77' },
      cookie,
    );
    expect(ok.statusCode).toBe(200);
    expect((await get('/api/v1/auth/sessions', cookie)).statusCode).toBe(200);
    await signIn(env, { email: user.email, password: 'Sungai Lematang 77' });
  });

  it('an office admin must enrol 2FA; recovery codes then work exactly once', async () => {
    const user = await buildUser(env, { roles: ['office_admin'] });
    const { cookie } = await signIn(env, user);
    expect((await get('/api/v1/me', cookie)).json()).toMatchObject({ totpEnrolmentRequired: true });
    expect((await get('/api/v1/auth/sessions', cookie)).json().code).toBe('PASSWORD_CHANGE_REQUIRED');

    const enrol = (await post('/api/v1/me/totp/enrol', {}, cookie)).json();
    expect(enrol.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrol.uri).toContain('otpauth://totp/');
    expect((await post('/api/v1/me/totp/confirm', { code: '000000' }, cookie)).json().code).toBe('TOTP_INVALID');
    const confirmed = await post('/api/v1/me/totp/confirm', { code: await generate({ secret: enrol.secret }) }, cookie);
    const { recoveryCodes } = confirmed.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect((await get('/api/v1/auth/sessions', cookie)).statusCode).toBe(200);

    const withoutCode = await post('/api/v1/auth/login', { email: user.email, password: user.password });
    expect(withoutCode.json().code).toBe('TOTP_REQUIRED');
    const recovery = recoveryCodes[0] as string;
    const first = await post('/api/v1/auth/login', {
      email: user.email,
      password: user.password,
      recoveryCode: recovery.toUpperCase(),
    });
    expect(first.statusCode).toBe(200);
    const again = await post('/api/v1/auth/login', {
      email: user.email,
      password: user.password,
      recoveryCode: recovery,
    });
    expect(again.json().code).toBe('TOTP_INVALID');
    // The role requires 2FA: it cannot be switched off by the user.
    const off = await post('/api/v1/me/totp/disable', { password: user.password }, cookie);
    expect(off.json().code).toBe('PERMISSION_DENIED');
  });
});

describe('sessions', () => {
  it('sign-out ends this session; sign-out-everywhere ends all of them', async () => {
    const user = await buildUser(env);
    const a = await signIn(env, user);
    const b = await signIn(env, user);
    const c = await signIn(env, user);
    const list = (await get('/api/v1/auth/sessions', a.cookie)).json().items as { current: boolean }[];
    expect(list).toHaveLength(3);
    expect(list.filter((s) => s.current)).toHaveLength(1);

    expect((await post('/api/v1/auth/logout', {}, a.cookie)).statusCode).toBe(200);
    expect((await get('/api/v1/me', a.cookie)).json().code).toBe('SESSION_EXPIRED');
    expect((await get('/api/v1/me', b.cookie)).statusCode).toBe(200);

    expect((await post('/api/v1/auth/logout-everywhere', {}, b.cookie)).statusCode).toBe(200);
    expect((await get('/api/v1/me', b.cookie)).json().code).toBe('SESSION_EXPIRED');
    expect((await get('/api/v1/me', c.cookie)).json().code).toBe('SESSION_EXPIRED');
  });

  it('an idle session expires', async () => {
    const user = await buildUser(env);
    const { cookie } = await signIn(env, user);
    await env.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '1 day' where user_id = ${user.id}`,
    );
    expect((await get('/api/v1/me', cookie)).json().code).toBe('SESSION_EXPIRED');
  });

  it('a disabled account cannot sign in and its sessions stop working', async () => {
    const user = await buildUser(env);
    const { cookie } = await signIn(env, user);
    await env.database.db.execute(sql`update users set status = 'disabled' where id = ${user.id}`);
    expect((await get('/api/v1/me', cookie)).json().code).toBe('SESSION_EXPIRED');
    const res = await post('/api/v1/auth/login', { email: user.email, password: user.password }, undefined, '10.9.3.1');
    expect(res.json().code).toBe('ACCOUNT_DISABLED');
  });

  it('remembers the language per user', async () => {
    const user = await buildUser(env);
    const { cookie } = await signIn(env, user);
    expect((await get('/api/v1/me', cookie)).json().locale).toBe('id');
    const res = await env.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { locale: 'en' },
      headers: { cookie },
    });
    expect(res.json().locale).toBe('en');
    const bad = await env.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { locale: 'fr' },
      headers: { cookie },
    });
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });
});
