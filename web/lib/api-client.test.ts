import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, toQueryString } from './api-client';

afterEach(() => {
  vi.unstubAllGlobals();
});

function respond(status: number, body: unknown, type = 'application/problem+json') {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } })),
  );
}

describe('api client', () => {
  it('leaves empty filters out of the query string', () => {
    expect(toQueryString({ q: 'pagar alam', kind: '', region: undefined, limit: 25, roles: ['a', 'b'] })).toBe(
      '?q=pagar+alam&limit=25&roles=a&roles=b',
    );
    expect(toQueryString({ q: '' })).toBe('');
  });

  it('turns a problem into an ApiError with its code, field errors and extra members', async () => {
    respond(429, { type: 'x', title: 'ACCOUNT_LOCKED', status: 429, code: 'ACCOUNT_LOCKED', retryAfterSeconds: 120 });
    const error = await api.post('/auth/login', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'ACCOUNT_LOCKED', details: { retryAfterSeconds: 120 } });

    respond(400, {
      code: 'VALIDATION_FAILED',
      status: 400,
      errors: [{ path: 'body.name', code: 'too_small', message: 'x' }],
    });
    const invalid = await api.post('/agencies', {}).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'body.name', code: 'too_small' }] });
  });

  it('names a lost connection and an answer that is not a problem', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await expect(api.get('/me')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    respond(502, '<html>Bad gateway</html>', 'text/html');
    await expect(api.get('/me')).rejects.toMatchObject({ code: 'INTERNAL', status: 502 });
  });
});
