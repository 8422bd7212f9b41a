import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestEnv, signIn, type TestEnv } from '../../test/harness';

let env: TestEnv;
let cookie: string;
beforeAll(async () => {
  env = await createTestEnv();
  ({ cookie } = await signIn(env, await buildUser(env, { roles: ['field_officer'] })));
});
afterAll(async () => {
  await env.close();
});

const parse = (text: unknown, headers: Record<string, string> = { cookie }) =>
  env.app.inject({ method: 'POST', url: '/api/v1/mrz/parse', payload: { text } as object, headers });

describe('POST /mrz/parse', () => {
  it('reads the ICAO specimen passport', async () => {
    const res = await parse(
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      format: 'TD3',
      fields: { surname: 'ERIKSSON', givenNames: 'ANNA MARIA', documentNumber: 'L898902C3', birthDate: '1974-08-12' },
    });
  });

  it('names the field whose check digit fails', async () => {
    const res = await parse(
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408123F1204159ZE184226B<<<<<10',
    );
    const body = res.json() as { valid: boolean; issues: { code: string; field?: string }[] };
    expect(body.valid).toBe(false);
    expect(body.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'MRZ_CHECK_DIGIT', field: 'birthDate' })]),
    );
  });

  it('requires a signed-in user and a bounded text', async () => {
    expect((await parse('x', {})).statusCode).toBe(401);
    expect((await parse('P'.repeat(2001))).json().code).toBe('VALIDATION_FAILED');
    expect((await parse(42)).json().code).toBe('VALIDATION_FAILED');
  });
});
