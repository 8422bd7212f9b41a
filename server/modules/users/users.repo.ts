// SQL of user administration. Sessions and sign-in counters are the auth module's: reached through its service.
// The agency join is what a user's scope is decided on.
import { and, asc, eq, inArray, like, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Role } from '../../../contracts/common';
import type { UserStatus } from '../../../contracts/users';
import type { Queryable } from '../../db/client';
import { users } from '../../db/schema/auth';
import { agencies } from '../../db/schema/orgs';
import type { Scope } from '../../platform/access';

const userColumns = {
  user: {
    id: users.id,
    email: users.email,
    name: users.name,
    agencyId: users.agencyId,
    roles: users.roles,
    status: users.status,
    mustChangePassword: users.mustChangePassword,
    totpEnabledAt: users.totpEnabledAt,
    totpPending: sql<boolean>`${users.totpPendingSealed} is not null`,
    lastLoginAt: users.lastLoginAt,
    createdAt: users.createdAt,
    updatedAt: users.updatedAt,
  },
  agency: { id: agencies.id, name: agencies.name, kind: agencies.kind, regionCode: agencies.regionCode },
};

/** A user without secrets, with the agency that decides who may see them. */
export type UserWithAgency = {
  user: {
    id: string;
    email: string;
    name: string;
    agencyId: string;
    roles: Role[];
    status: UserStatus;
    mustChangePassword: boolean;
    totpEnabledAt: Date | null;
    totpPending: boolean;
    lastLoginAt: Date | null;
    createdAt: Date;
    updatedAt: Date;
  };
  agency: { id: string; name: string; kind: string; regionCode: string };
};

type Row = { user: Omit<UserWithAgency['user'], 'roles' | 'status'> & { roles: string[]; status: string } } & Pick<
  UserWithAgency,
  'agency'
>;
const typed = (row: Row): UserWithAgency => ({
  ...row,
  user: { ...row.user, roles: row.user.roles as Role[], status: row.user.status as UserStatus },
});

/** Users whose agency's jurisdiction lies inside the scope. */
function agencyInScope(scope: Scope): SQL | undefined {
  if (scope === 'all') {
    return undefined;
  }
  if (scope.length === 0) {
    return sql`false`;
  }
  return or(inArray(agencies.regionCode, [...scope]), ...scope.map((code) => like(agencies.regionCode, `${code}.%`)));
}

export type UserFilter = {
  q?: string;
  agencyId?: string;
  role?: Role;
  status?: UserStatus;
  includeArchived: boolean;
  scope: Scope;
};

export async function listUsers(db: Queryable, filter: UserFilter, page: { limit: number; offset: number }) {
  const words = (filter.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  const where = and(
    agencyInScope(filter.scope),
    ...words.map(
      (w) => sql`strpos(lower(unaccent(${users.name} || ' ' || ${users.email})), lower(unaccent(${w}::text))) > 0`,
    ),
    filter.agencyId ? eq(users.agencyId, filter.agencyId) : undefined,
    filter.role ? sql`${filter.role}::text = any(${users.roles})` : undefined,
    filter.status ? eq(users.status, filter.status) : filter.includeArchived ? undefined : ne(users.status, 'archived'),
  );
  const rows = await db
    .select(userColumns)
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(where)
    .orderBy(asc(users.name), asc(users.id))
    .limit(page.limit)
    .offset(page.offset);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(where);
  return { rows: rows.map(typed), total: Number(count?.n ?? 0) };
}

export async function findUser(db: Queryable, where: { id: string } | { email: string }) {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where('id' in where ? eq(users.id, where.id) : eq(users.email, where.email))
    .limit(1);
  return row ? typed(row) : undefined;
}

export async function isEmailTaken(db: Queryable, email: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return row !== undefined;
}

export async function insertUser(db: Queryable, row: typeof users.$inferInsert) {
  await db.insert(users).values(row);
}

export async function updateUser(db: Queryable, id: string, patch: Partial<typeof users.$inferInsert>) {
  await db.update(users).set(patch).where(eq(users.id, id));
}

/** A unique index refused the row: here, an e-mail taken by a concurrent request. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (e: unknown) => (typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined);
  return code(error) === '23505' || code((error as { cause?: unknown } | null)?.cause) === '23505';
}
