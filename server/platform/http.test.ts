// Bad input at the HTTP edge: every case answers problem+json with a stable code, never a 500.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../db/client';
import { buildAccommodation, buildApiKey } from '../modules/accommodations/accommodations.test-support';
import { ADDRESS_RATE_LIMIT } from '../modules/accommodations/api-keys.service';
import { buildUser, createTestEnv, signIn, type TestEnv } from '../test/harness';

let env: TestEnv;
let cookie: string;
beforeAll(async () => {
  env = await createTestEnv();
  const user = await buildUser(env, { roles: ['analyst'] });
  ({ cookie } = await signIn(env, user));
});
afterAll(async () => {
  await env.close();
});

function expectProblem(
  res: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  code: string,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.json()).toMatchObject({ status, code });
}

const login = (payload: string, headers: Record<string, string> = {}) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('bad input', () => {
  it('malformed JSON → INVALID_JSON', async () => {
    expectProblem(await login('{"email": "a@b.c", "password": '), 400, 'INVALID_JSON');
  });

  it('wrong types name the field', async () => {
    const res = await login(JSON.stringify({ email: 42, password: ['x'] }));
    expectProblem(res, 400, 'VALIDATION_FAILED');
    const paths = (res.json() as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password']));
  });

  it('unknown fields are refused', async () => {
    const res = await login(JSON.stringify({ email: 'a@b.co', password: 'x', isAdmin: true }));
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('a body over 1 MiB → PAYLOAD_TOO_LARGE', async () => {
    const res = await login(JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(1024 * 1024 + 10) }));
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a body that is not JSON → UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await login('email=a@b.co', { 'content-type': 'application/x-www-form-urlencoded' });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('an unknown API path → NOT_FOUND', async () => {
    expectProblem(await env.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'NOT_FOUND');
  });

  it('a write from another site is refused before anything happens', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expectProblem(res, 403, 'CSRF_REJECTED');
    const still = await env.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(still.statusCode).toBe(200);
  });

  it('no cookie → UNAUTHENTICATED; a forged one → SESSION_EXPIRED; an absurd one too', async () => {
    expectProblem(await env.app.inject({ method: 'GET', url: '/api/v1/auth/sessions' }), 401, 'UNAUTHENTICATED');
    for (const value of ['forged', 'x'.repeat(5000), "'; drop table sessions; --"]) {
      const res = await env.app.inject({
        method: 'GET',
        url: '/api/v1/auth/sessions',
        headers: { cookie: `pora_session=${encodeURIComponent(value)}` },
      });
      expectProblem(res, 401, 'SESSION_EXPIRED');
    }
  });

  it('injection strings in text fields are data, not SQL', async () => {
    const res = await login(JSON.stringify({ email: "x'--@pora.test", password: "' or '1'='1" }));
    expectProblem(res, 401, 'INVALID_CREDENTIALS');
    const [sessions] = await selectRows<{ n: number }>(env.database.db, sql`select count(*)::int as n from sessions`);
    expect(sessions?.n).toBe(1);
  });

  it('sends security headers', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
    // the same on answers that are not a route's (not found, refused)
    for (const other of [
      await env.app.inject({ method: 'GET', url: '/api/v1/no-such-route' }),
      await env.app.inject({ method: 'GET', url: '/api/v1/persons' }),
    ]) {
      expect(other.statusCode).toBeGreaterThanOrEqual(400);
      expect(String(other.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
      expect(other.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(other.headers['strict-transport-security']).toContain('max-age=');
    }
  });
});

describe('rate limit', () => {
  it('answers a flood of sign-ins from one address with TOO_MANY_REQUESTS', async () => {
    const limited = await createTestEnv({ rateLimit: true });
    try {
      const codes: string[] = [];
      for (let i = 0; i < 22; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: `banjir${i}@pora.test`, password: 'coba-coba-saja' },
        });
        codes.push(res.json().code);
      }
      expect(codes[0]).toBe('INVALID_CREDENTIALS');
      expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');
    } finally {
      await limited.close();
    }
  });

  it('lets a property-management system with its key send more than an address may', async () => {
    const limited = await createTestEnv({ rateLimit: true });
    try {
      const property = await buildAccommodation(limited, {});
      const { token } = await buildApiKey(limited, property.id);
      const send = (key: string) =>
        limited.app.inject({
          method: 'GET',
          url: '/api/v1/accommodations/me',
          headers: { authorization: `Bearer ${key}` },
        });
      const statuses = new Map<number, number>();
      for (let i = 0; i < ADDRESS_RATE_LIMIT + 100; i++) {
        const { statusCode } = await send(token);
        statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
      }
      expect(statuses).toEqual(new Map([[200, ADDRESS_RATE_LIMIT + 100]]));
      // the same from a signed-in officer's address: held to the address's limit
      const { cookie } = await signIn(limited, await buildUser(limited, { roles: ['analyst'] }));
      const codes = new Map<number, number>();
      for (let i = 0; i < ADDRESS_RATE_LIMIT + 5; i++) {
        const { statusCode } = await limited.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
        codes.set(statusCode, (codes.get(statusCode) ?? 0) + 1);
      }
      expect(codes.get(429)).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('counts requests whose key or session cookie is refused, so guessing is cut off like any flood', async () => {
    const limited = await createTestEnv({ rateLimit: true });
    try {
      const codesOf = async (headers: (i: number) => Record<string, string>) => {
        const codes = new Map<string, number>();
        for (let i = 0; i < ADDRESS_RATE_LIMIT + 5; i++) {
          const res = await limited.app.inject({
            method: 'GET',
            url: '/api/v1/accommodations/me',
            headers: headers(i),
          });
          const { code } = res.json() as { code: string };
          codes.set(code, (codes.get(code) ?? 0) + 1);
        }
        return codes;
      };
      const keys = await codesOf((i) => ({ authorization: `Bearer pora_ak_${String(i).padStart(43, 'x')}` }));
      expect(keys).toEqual(
        new Map([
          ['API_KEY_INVALID', ADDRESS_RATE_LIMIT],
          ['TOO_MANY_REQUESTS', 5],
        ]),
      );
      const cookies = await limited.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { cookie: 'pora_session=forged' },
      });
      expect(cookies.json().code).toBe('TOO_MANY_REQUESTS');
    } finally {
      await limited.close();
    }
  });
});

describe('OpenAPI', () => {
  it('publishes an OpenAPI 3.1 document with the sign-in route', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/regions']));
  });

  it('serves a readable docs page', async () => {
    const first = await env.app.inject({ method: 'GET', url: '/api/docs' });
    const url = first.statusCode === 301 ? String(first.headers.location) : '/api/docs';
    const res = await env.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('/api/v1/openapi.json');
    expect(res.headers['content-type']).toContain('text/html');
  });
});
