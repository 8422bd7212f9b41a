// Builders and a signed-in HTTP client for the organisation, user and audit tests (and the access matrix).
import { randomBytes, randomUUID } from 'node:crypto';
import { generate, generateSecret } from 'otplib';
import type { Role } from '../../../contracts/common';
import { teamMembers, teams } from '../../db/schema/orgs';
import { rolesRequiringTotp } from '../../platform/access';
import { buildAgency, buildOffice, buildUser, signIn, type TestEnv } from '../../test/harness';

type Injected = Awaited<ReturnType<TestEnv['app']['inject']>>;

export type Client = {
  get(url: string): Promise<Injected>;
  post(url: string, payload?: unknown): Promise<Injected>;
  patch(url: string, payload: unknown): Promise<Injected>;
  delete(url: string): Promise<Injected>;
};

export function clientOf(env: TestEnv, cookie?: string): Client {
  const headers = cookie ? { cookie } : {};
  return {
    get: (url) => env.app.inject({ method: 'GET', url, headers }),
    post: (url, payload) =>
      env.app.inject({
        method: 'POST',
        url,
        headers,
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
    patch: (url, payload) => env.app.inject({ method: 'PATCH', url, headers, payload: payload as object }),
    delete: (url) => env.app.inject({ method: 'DELETE', url, headers }),
  };
}

/** A user with these roles (and a fresh second factor when a role requires one), signed in through the API. */
export async function signInAs(env: TestEnv, roles: Role | Role[], opts: { agencyId?: string } = {}) {
  const roleList = Array.isArray(roles) ? roles : [roles];
  const secret = roleList.some((r) => rolesRequiringTotp.includes(r)) ? generateSecret() : undefined;
  const user = await buildUser(env, {
    roles: roleList,
    ...(opts.agencyId ? { agencyId: opts.agencyId } : {}),
    ...(secret ? { totpSecret: secret } : {}),
  });
  const { cookie } = await signIn(env, user, secret ? await generate({ secret }) : undefined);
  return { ...user, cookie, api: clientOf(env, cookie) };
}

/** The Muara Enim immigration office (working area 16.03, 16.04, 16.11, 16.72) and its own imigrasi agency. */
export async function buildMuaraEnimOffice(env: TestEnv) {
  const office = await buildOffice(env, { name: `Kantor Imigrasi Muara Enim ${randomBytes(2).toString('hex')}` });
  const agency = await buildAgency(env, {
    name: `Kanim Muara Enim ${randomBytes(2).toString('hex')}`,
    kind: 'imigrasi',
    regionCode: '16.03',
    officeId: office.id,
  });
  return { office, agency };
}

/** An office admin of the Muara Enim office (scope: its working area). */
export async function signInMuaraEnimAdmin(env: TestEnv) {
  const { office, agency } = await buildMuaraEnimOffice(env);
  return { office, agency, ...(await signInAs(env, 'office_admin', { agencyId: agency.id })) };
}

export async function buildTeam(env: TestEnv, over: Partial<typeof teams.$inferInsert> = {}) {
  const row = {
    id: randomUUID(),
    name: `TIM PORA Kota Pagar Alam ${randomBytes(2).toString('hex')}`,
    level: 'kabupaten_kota',
    regionCode: '16.72',
    ...over,
  };
  await env.database.db.insert(teams).values(row);
  return row;
}

export async function buildTeamMember(env: TestEnv, teamId: string, agencyId: string, role = 'anggota') {
  const row = { id: randomUUID(), teamId, agencyId, role };
  await env.database.db.insert(teamMembers).values(row);
  return row;
}

/** Text that must never get through as it is: the service answers 400 and stores nothing. */
export const hostileTexts = {
  tooLong: 'A'.repeat(10_000),
  controlCharacters: 'Polres\u0000Pagar\u0007Alam',
  escape: 'Polres \u001b[31mPagar Alam',
} as const;

/** Text that is odd but legitimate: stored and returned exactly, never executed. */
export const injectionTexts = ["'; drop table agencies; --", '<script>alert(1)</script>', '#{7*7} {{7*7}} %s %n'];
