// SQL of offices, agencies, teams and team members. Visibility rules (orgs.scope.ts) become WHERE clauses here.
import { and, asc, eq, inArray, isNull, like, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { RegionRef } from '../../../contracts/orgs';
import type { Queryable } from '../../db/client';
import { agencies, offices, teamMembers, teams } from '../../db/schema/orgs';
import { regions } from '../../db/schema/regions';
import type { Scope } from '../../platform/access';
import type { TeamViewer } from './orgs.scope';

export type OfficeRow = typeof offices.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;
export type TeamMemberRow = typeof teamMembers.$inferSelect;

type Page = { limit: number; offset: number };

/** "16.72.01" → ["16", "16.72"] */
function ancestorsOf(code: string): string[] {
  const parts = code.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** Every word must occur in the column, ignoring case and accents. Words are parameters, never patterns. */
function matchesWords(column: AnyPgColumn, q: string | undefined): SQL | undefined {
  const words = (q ?? '').split(/\s+/).filter(Boolean).slice(0, 10);
  if (words.length === 0) {
    return undefined;
  }
  return and(...words.map((w) => sql`strpos(lower(unaccent(${column})), lower(unaccent(${w}::text))) > 0`));
}

/** The area in `column` is `code` or lies inside it. Codes are digits and dots (validated), safe in a LIKE. */
function withinArea(column: AnyPgColumn, code: string | undefined): SQL | undefined {
  return code ? or(eq(column, code), like(column, `${code}.%`)) : undefined;
}

/** The area in `column` overlaps the scope: inside one of its areas, or an ancestor of one. */
function overlapsScopeSql(column: AnyPgColumn, scope: Scope): SQL | undefined {
  if (scope === 'all') {
    return undefined;
  }
  if (scope.length === 0) {
    return sql`false`;
  }
  const exact = [...new Set(scope.flatMap((code) => [code, ...ancestorsOf(code)]))];
  return or(inArray(column, exact), ...scope.map((code) => like(column, `${code}.%`)));
}

const notArchived = (column: AnyPgColumn, includeArchived: boolean) => (includeArchived ? undefined : isNull(column));

async function countWhere(db: Queryable, table: typeof offices | typeof agencies | typeof teams, where?: SQL) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return Number(row?.n ?? 0);
}

// ─── Areas (reference data owned by the regions module, read here for validation and display) ──────────────────

export async function findRegionRefs(db: Queryable, codes: readonly string[]): Promise<Map<string, RegionRef>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(inArray(regions.code, unique));
  return new Map(rows.map((r) => [r.code, r]));
}

// ─── Offices ─────────────────────────────────────────────────────────────────────────────────────────────────────

export type OfficeFilter = { q?: string; region?: string; officeClass?: string; includeArchived: boolean };

/** Offices whose working area overlaps `code` (covers it, lies inside it, or contains it). */
function workingAreaOverlaps(code: string | undefined): SQL | undefined {
  if (!code) {
    return undefined;
  }
  return sql`exists (select 1 from unnest(${offices.workingArea}) as wa(code)
    where wa.code = ${code} or wa.code like ${`${code}.%`} or ${code}::text like wa.code || '.%')`;
}

export async function listOffices(db: Queryable, filter: OfficeFilter, page: Page) {
  const where = and(
    matchesWords(offices.name, filter.q),
    workingAreaOverlaps(filter.region),
    filter.officeClass ? eq(offices.officeClass, filter.officeClass) : undefined,
    notArchived(offices.archivedAt, filter.includeArchived),
  );
  const rows = await db
    .select()
    .from(offices)
    .where(where)
    .orderBy(asc(offices.name), asc(offices.id))
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: await countWhere(db, offices, where) };
}

export async function findOffice(db: Queryable, id: string): Promise<OfficeRow | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.id, id)).limit(1);
  return row;
}

export async function findOfficeNames(db: Queryable, ids: readonly (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) {
    return new Map<string, { id: string; name: string }>();
  }
  const rows = await db.select({ id: offices.id, name: offices.name }).from(offices).where(inArray(offices.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertOffice(db: Queryable, row: typeof offices.$inferInsert) {
  const [inserted] = await db.insert(offices).values(row).returning();
  return inserted as OfficeRow;
}

export async function updateOffice(db: Queryable, id: string, patch: Partial<typeof offices.$inferInsert>) {
  const [updated] = await db.update(offices).set(patch).where(eq(offices.id, id)).returning();
  return updated as OfficeRow;
}

// ─── Agencies ────────────────────────────────────────────────────────────────────────────────────────────────────

export type AgencyFilter = {
  q?: string;
  kind?: string;
  region?: string;
  officeId?: string;
  includeArchived: boolean;
  visibleTo: Scope;
};

export async function listAgencies(db: Queryable, filter: AgencyFilter, page: Page) {
  const where = and(
    overlapsScopeSql(agencies.regionCode, filter.visibleTo),
    matchesWords(agencies.name, filter.q),
    filter.kind ? eq(agencies.kind, filter.kind) : undefined,
    withinArea(agencies.regionCode, filter.region),
    filter.officeId ? eq(agencies.officeId, filter.officeId) : undefined,
    notArchived(agencies.archivedAt, filter.includeArchived),
  );
  const rows = await db
    .select()
    .from(agencies)
    .where(where)
    .orderBy(asc(agencies.name), asc(agencies.id))
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: await countWhere(db, agencies, where) };
}

export async function findAgency(db: Queryable, id: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id)).limit(1);
  return row;
}

export async function insertAgency(db: Queryable, row: typeof agencies.$inferInsert) {
  const [inserted] = await db.insert(agencies).values(row).returning();
  return inserted as AgencyRow;
}

export async function updateAgency(db: Queryable, id: string, patch: Partial<typeof agencies.$inferInsert>) {
  const [updated] = await db.update(agencies).set(patch).where(eq(agencies.id, id)).returning();
  return updated as AgencyRow;
}

// ─── Teams ───────────────────────────────────────────────────────────────────────────────────────────────────────

export type TeamFilter = {
  q?: string;
  level?: string;
  region?: string;
  secretariatOfficeId?: string;
  includeArchived: boolean;
  viewer: TeamViewer;
};

// Written out in full: inside a one-table select Drizzle renders columns unqualified, and a bare "id" in the
// subquery would mean team_members.id.
const memberCount = sql<number>`(select count(*)::int from team_members tm where tm.team_id = "teams"."id")`;

function teamVisibleTo(viewer: TeamViewer): SQL | undefined {
  if (viewer.scope === 'all') {
    return undefined;
  }
  return or(
    overlapsScopeSql(teams.regionCode, viewer.scope),
    eq(teams.level, 'pusat'),
    viewer.officeId ? eq(teams.secretariatOfficeId, viewer.officeId) : undefined,
    viewer.agencyId
      ? sql`exists (select 1 from team_members tm where tm.team_id = "teams"."id" and tm.agency_id = ${viewer.agencyId})`
      : undefined,
  );
}

export type TeamWithCount = TeamRow & { memberCount: number };

export async function listTeams(db: Queryable, filter: TeamFilter, page: Page) {
  const where = and(
    teamVisibleTo(filter.viewer),
    matchesWords(teams.name, filter.q),
    filter.level ? eq(teams.level, filter.level) : undefined,
    withinArea(teams.regionCode, filter.region),
    filter.secretariatOfficeId ? eq(teams.secretariatOfficeId, filter.secretariatOfficeId) : undefined,
    notArchived(teams.archivedAt, filter.includeArchived),
  );
  const rows: TeamWithCount[] = await db
    .select({ team: teams, memberCount })
    .from(teams)
    .where(where)
    .orderBy(asc(teams.name), asc(teams.id))
    .limit(page.limit)
    .offset(page.offset)
    .then((r) => r.map(({ team, memberCount: n }) => ({ ...team, memberCount: Number(n) })));
  return { rows, total: await countWhere(db, teams, where) };
}

/** One team if the viewer may see it. */
export async function findVisibleTeam(
  db: Queryable,
  id: string,
  viewer: TeamViewer,
): Promise<TeamWithCount | undefined> {
  const [row] = await db
    .select({ team: teams, memberCount })
    .from(teams)
    .where(and(eq(teams.id, id), teamVisibleTo(viewer)))
    .limit(1);
  return row ? { ...row.team, memberCount: Number(row.memberCount) } : undefined;
}

export async function insertTeam(db: Queryable, row: typeof teams.$inferInsert) {
  await db.insert(teams).values(row);
}

export async function updateTeam(db: Queryable, id: string, patch: Partial<typeof teams.$inferInsert>) {
  await db.update(teams).set(patch).where(eq(teams.id, id));
}

// ─── Team members ────────────────────────────────────────────────────────────────────────────────────────────────

export async function listTeamMembers(db: Queryable, teamId: string) {
  return db
    .select({ member: teamMembers, agency: agencies })
    .from(teamMembers)
    .innerJoin(agencies, eq(agencies.id, teamMembers.agencyId))
    .where(eq(teamMembers.teamId, teamId))
    .orderBy(
      sql`case ${teamMembers.role} when 'ketua' then 1 when 'wakil_ketua' then 2 when 'sekretaris' then 3 else 4 end`,
      asc(agencies.name),
      asc(teamMembers.id),
    );
}
export type TeamMemberWithAgency = Awaited<ReturnType<typeof listTeamMembers>>[number];

export async function findTeamMember(db: Queryable, teamId: string, memberId: string) {
  const [row] = await db
    .select({ member: teamMembers, agency: agencies })
    .from(teamMembers)
    .innerJoin(agencies, eq(agencies.id, teamMembers.agencyId))
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.id, memberId)))
    .limit(1);
  return row;
}

export async function isTeamMember(db: Queryable, teamId: string, agencyId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: teamMembers.id })
    .from(teamMembers)
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.agencyId, agencyId)))
    .limit(1);
  return row !== undefined;
}

export async function insertTeamMember(db: Queryable, row: typeof teamMembers.$inferInsert) {
  await db.insert(teamMembers).values(row);
}

export async function updateTeamMember(db: Queryable, id: string, patch: Partial<typeof teamMembers.$inferInsert>) {
  await db.update(teamMembers).set(patch).where(eq(teamMembers.id, id));
}

export async function deleteTeamMember(db: Queryable, id: string) {
  await db.delete(teamMembers).where(eq(teamMembers.id, id));
}

/** A unique index refused the row: here, the same agency twice in a team by concurrent requests. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (e: unknown) => (typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined);
  return code(error) === '23505' || code((error as { cause?: unknown } | null)?.cause) === '23505';
}
