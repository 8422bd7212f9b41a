// TIM PORA teams (formed by a decree at pusat, provinsi, kabupaten/kota or kecamatan level) and their member
// agencies with roles and liaison officers. Who sees and manages a team: orgs.scope.ts.
import { randomUUID } from 'node:crypto';
import type {
  TeamCreate,
  TeamDetail,
  TeamItem,
  TeamLevel,
  TeamListQuery,
  TeamMemberCreate,
  TeamMemberItem,
  TeamMemberUpdate,
  TeamUpdate,
} from '../../../contracts/orgs';
import type { Queryable } from '../../db/client';
import { type Actor, requirePermission } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { teamRegionLevel } from '../code-tables/data/team-levels';
import { findAgencyForReference } from './agencies.service';
import { changedFields, hasChanges } from './field-changes';
import * as repo from './orgs.repo';
import { canManageTeam, teamViewerOf } from './orgs.scope';

const levelOfCode = (code: string) => code.split('.').length;

async function present(db: Queryable, rows: repo.TeamWithCount[]): Promise<TeamItem[]> {
  const refs = await repo.findRegionRefs(
    db,
    rows.map((r) => r.regionCode),
  );
  const officeNames = await repo.findOfficeNames(
    db,
    rows.map((r) => r.secretariatOfficeId),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    level: r.level as TeamLevel,
    region: refs.get(r.regionCode) ?? { code: r.regionCode, name: r.regionCode, level: levelOfCode(r.regionCode) },
    decreeNumber: r.decreeNumber,
    decreeDate: r.decreeDate,
    chairName: r.chairName,
    chairTitle: r.chairTitle,
    secretariatOffice: r.secretariatOfficeId ? (officeNames.get(r.secretariatOfficeId) ?? null) : null,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    memberCount: r.memberCount,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    archivedAt: r.archivedAt?.toISOString() ?? null,
  }));
}

async function presentMembers(db: Queryable, rows: repo.TeamMemberWithAgency[]): Promise<TeamMemberItem[]> {
  const refs = await repo.findRegionRefs(
    db,
    rows.map((r) => r.agency.regionCode),
  );
  return rows.map(({ member, agency }) => ({
    id: member.id,
    teamId: member.teamId,
    agency: {
      id: agency.id,
      name: agency.name,
      kind: agency.kind,
      region: refs.get(agency.regionCode) ?? {
        code: agency.regionCode,
        name: agency.regionCode,
        level: levelOfCode(agency.regionCode),
      },
      archivedAt: agency.archivedAt?.toISOString() ?? null,
    },
    role: member.role as TeamMemberItem['role'],
    liaisonName: member.liaisonName,
    liaisonPhone: member.liaisonPhone,
    liaisonEmail: member.liaisonEmail,
    createdAt: member.createdAt.toISOString(),
  }));
}

async function presentDetail(db: Queryable, team: repo.TeamWithCount): Promise<TeamDetail> {
  const [item] = await present(db, [team]);
  const members = await presentMembers(db, await repo.listTeamMembers(db, team.id));
  return { ...(item as TeamItem), memberCount: members.length, members };
}

async function findVisibleTeam(db: Queryable, actor: Actor, id: string) {
  const team = await repo.findVisibleTeam(db, id, teamViewerOf(actor));
  if (!team) {
    throw new AppError('TEAM_NOT_FOUND');
  }
  return team;
}

async function findManageableTeam(db: Queryable, actor: Actor, id: string, opts: { active: boolean }) {
  const team = await findVisibleTeam(db, actor, id);
  if (!canManageTeam(actor, team)) {
    throw new AppError('PERMISSION_DENIED', 'the team lies outside your scope');
  }
  if (opts.active && team.archivedAt) {
    throw new AppError('ARCHIVED', 'unarchive the team first');
  }
  return team;
}

type TeamState = {
  level: TeamLevel;
  regionCode: string;
  secretariatOfficeId: string | null;
  periodStart: string | null;
  periodEnd: string | null;
};

/** Checks a team as it will be after the write: its area exists and fits its level, its secretariat office exists,
 * its period is in order, and the actor still manages it afterwards (nobody moves a team out of their own reach). */
async function checkTeamState(db: Queryable, actor: Actor, state: TeamState, secretariatChanged: boolean) {
  const regions = await repo.findRegionRefs(db, [state.regionCode]);
  const region = regions.get(state.regionCode);
  if (!region) {
    throw new AppError('INVALID_REFERENCE', 'unknown area code', { field: 'regionCode', codes: [state.regionCode] });
  }
  const expectedLevel = teamRegionLevel[state.level];
  if (expectedLevel !== null && region.level !== expectedLevel) {
    throw new AppError('INVALID_REFERENCE', 'the area does not fit the team level', {
      field: 'regionCode',
      expectedLevel,
    });
  }
  if (state.periodStart && state.periodEnd && state.periodStart > state.periodEnd) {
    throw new AppError('VALIDATION_FAILED', 'the period ends before it starts', {
      errors: [{ path: 'body.periodEnd', code: 'custom', message: 'periode berakhir sebelum dimulai' }],
    });
  }
  if (secretariatChanged && state.secretariatOfficeId !== null) {
    const office = await repo.findOffice(db, state.secretariatOfficeId);
    if (!office || office.archivedAt) {
      throw new AppError('INVALID_REFERENCE', 'unknown office', { field: 'secretariatOfficeId' });
    }
  }
  if (!canManageTeam(actor, state)) {
    throw new AppError('REGION_OUT_OF_SCOPE', 'the team would lie outside your scope', { field: 'regionCode' });
  }
}

export async function listTeams(ctx: Ctx, query: TeamListQuery) {
  requirePermission(ctx.actor, 'orgs.read');
  const db = ctx.database.db;
  const { rows, total } = await repo.listTeams(db, { ...query, viewer: teamViewerOf(ctx.actor) }, query);
  return { items: await present(db, rows), total };
}

export async function getTeam(ctx: Ctx, id: string): Promise<TeamDetail> {
  requirePermission(ctx.actor, 'orgs.read');
  const db = ctx.database.db;
  return presentDetail(db, await findVisibleTeam(db, ctx.actor, id));
}

export async function createTeam(ctx: Ctx, input: TeamCreate): Promise<TeamDetail> {
  requirePermission(ctx.actor, 'teams.manage');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    await checkTeamState(tx, actor, input, true);
    const now = ctx.now();
    const id = randomUUID();
    await repo.insertTeam(tx, { id, ...input, createdAt: now, updatedAt: now });
    await appendAudit(tx, ctx, { action: 'team.create', objectType: 'team', objectId: id, details: { fields: input } });
    return presentDetail(tx, await findVisibleTeam(tx, actor, id));
  });
}

export async function updateTeam(ctx: Ctx, id: string, input: TeamUpdate): Promise<TeamDetail> {
  requirePermission(ctx.actor, 'teams.manage');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const before = await findManageableTeam(tx, actor, id, { active: true });
    const changes = changedFields(before, input);
    if (!hasChanges(changes)) {
      return presentDetail(tx, before);
    }
    await checkTeamState(
      tx,
      actor,
      { ...before, level: before.level as TeamLevel, ...input },
      'secretariatOfficeId' in changes,
    );
    await repo.updateTeam(tx, id, { ...input, updatedAt: ctx.now() });
    await appendAudit(tx, ctx, { action: 'team.update', objectType: 'team', objectId: id, details: { changes } });
    return presentDetail(tx, await findVisibleTeam(tx, actor, id));
  });
}

/** Archiving keeps the team and its members (a past period stays on record). Idempotent. */
export async function setTeamArchived(ctx: Ctx, id: string, archived: boolean): Promise<TeamDetail> {
  requirePermission(ctx.actor, 'teams.manage');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const before = await findManageableTeam(tx, actor, id, { active: false });
    if ((before.archivedAt !== null) === archived) {
      return presentDetail(tx, before);
    }
    const now = ctx.now();
    await repo.updateTeam(tx, id, { archivedAt: archived ? now : null, updatedAt: now });
    await appendAudit(tx, ctx, {
      action: archived ? 'team.archive' : 'team.unarchive',
      objectType: 'team',
      objectId: id,
    });
    return presentDetail(tx, await findVisibleTeam(tx, actor, id));
  });
}

export async function listTeamMembers(ctx: Ctx, teamId: string): Promise<{ items: TeamMemberItem[] }> {
  requirePermission(ctx.actor, 'orgs.read');
  const db = ctx.database.db;
  const team = await findVisibleTeam(db, ctx.actor, teamId);
  return { items: await presentMembers(db, await repo.listTeamMembers(db, team.id)) };
}

async function presentMember(db: Queryable, teamId: string, memberId: string): Promise<TeamMemberItem> {
  const row = await repo.findTeamMember(db, teamId, memberId);
  if (!row) {
    throw new AppError('TEAM_MEMBER_NOT_FOUND');
  }
  const [item] = await presentMembers(db, [row]);
  return item as TeamMemberItem;
}

export async function addTeamMember(ctx: Ctx, teamId: string, input: TeamMemberCreate): Promise<TeamMemberItem> {
  requirePermission(ctx.actor, 'teams.manage');
  const actor = ctx.actor;
  try {
    return await ctx.database.transaction(async (tx) => {
      await findManageableTeam(tx, actor, teamId, { active: true });
      // Any active agency the actor can see may join: a Kanim's team takes in the provincial Polda as well.
      const agency = await findAgencyForReference(tx, actor, input.agencyId, 'visible');
      if (!agency) {
        throw new AppError('INVALID_REFERENCE', 'unknown agency', { field: 'agencyId' });
      }
      if (await repo.isTeamMember(tx, teamId, agency.id)) {
        throw new AppError('TEAM_MEMBER_EXISTS', 'the agency is already a member', { agencyId: agency.id });
      }
      const id = randomUUID();
      await repo.insertTeamMember(tx, { id, teamId, ...input, createdAt: ctx.now() });
      await repo.updateTeam(tx, teamId, { updatedAt: ctx.now() });
      await appendAudit(tx, ctx, {
        action: 'team.member_add',
        objectType: 'team',
        objectId: teamId,
        details: { memberId: id, fields: input },
      });
      return presentMember(tx, teamId, id);
    });
  } catch (error) {
    if (repo.isUniqueViolation(error)) {
      throw new AppError('TEAM_MEMBER_EXISTS', 'the agency is already a member', { agencyId: input.agencyId });
    }
    throw error;
  }
}

export async function updateTeamMember(
  ctx: Ctx,
  teamId: string,
  memberId: string,
  input: TeamMemberUpdate,
): Promise<TeamMemberItem> {
  requirePermission(ctx.actor, 'teams.manage');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    await findManageableTeam(tx, actor, teamId, { active: true });
    const before = await repo.findTeamMember(tx, teamId, memberId);
    if (!before) {
      throw new AppError('TEAM_MEMBER_NOT_FOUND');
    }
    const changes = changedFields(before.member, input);
    if (hasChanges(changes)) {
      await repo.updateTeamMember(tx, memberId, input);
      await repo.updateTeam(tx, teamId, { updatedAt: ctx.now() });
      await appendAudit(tx, ctx, {
        action: 'team.member_update',
        objectType: 'team',
        objectId: teamId,
        details: { memberId, agencyId: before.member.agencyId, changes },
      });
    }
    return presentMember(tx, teamId, memberId);
  });
}

/** A membership ends by removal; the audit row keeps what it was. */
export async function removeTeamMember(ctx: Ctx, teamId: string, memberId: string): Promise<void> {
  requirePermission(ctx.actor, 'teams.manage');
  const actor = ctx.actor;
  await ctx.database.transaction(async (tx) => {
    await findManageableTeam(tx, actor, teamId, { active: true });
    const row = await repo.findTeamMember(tx, teamId, memberId);
    if (!row) {
      throw new AppError('TEAM_MEMBER_NOT_FOUND');
    }
    const { member } = row;
    await repo.deleteTeamMember(tx, memberId);
    await repo.updateTeam(tx, teamId, { updatedAt: ctx.now() });
    await appendAudit(tx, ctx, {
      action: 'team.member_remove',
      objectType: 'team',
      objectId: teamId,
      details: {
        memberId,
        removed: {
          agencyId: member.agencyId,
          role: member.role,
          liaisonName: member.liaisonName,
          liaisonPhone: member.liaisonPhone,
          liaisonEmail: member.liaisonEmail,
        },
      },
    });
  });
}
