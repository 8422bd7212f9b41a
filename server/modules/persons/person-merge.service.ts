// Merging two records of one person and undoing it. The merged-away record's facts (names, travel documents,
// permits, addresses, identity claims) move to the surviving record with their sources; which rows moved is kept in
// the merge record, so an undo moves exactly those back. Nothing of either identity is overwritten: the claims of
// both records stand side by side on the surviving record and the person page shows where they disagree.
import { randomUUID } from 'node:crypto';
import type { PersonDetail, PersonMergeCreate, PersonMergeUndo } from '../../../contracts/persons';
import { requirePermission } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import * as merges from './person-merge.repo';
import { findVisiblePerson, findWritablePerson, refreshPerson } from './person-records';
import { presentDetail } from './persons.present';
import * as repo from './persons.repo';
import { viewerOf } from './persons.scope';

const actorNameOf = (ctx: Ctx) =>
  ctx.actor.kind === 'user' ? ctx.actor.name : ctx.actor.kind === 'system' ? ctx.actor.name : null;
const actorUserIdOf = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.userId : null);
const presentOpts = (ctx: Ctx) => ({
  now: ctx.now(),
  expiringDays: ctx.config.expiringDays,
  viewer: viewerOf(ctx.actor),
});

/**
 * Merges the record `sourceId` into `input.into`. Both must be visible to the actor (else 404) and not merged away
 * already (409 PERSON_MERGED). The surviving record keeps its chosen identity; its kept columns (area, status) are
 * recomputed from both records' facts; an empty sponsor is filled from the merged-away record. The merged-away
 * record keeps its own row (with the area it had, so the same readers still find it and learn where it went).
 */
export async function mergePersons(ctx: Ctx, sourceId: string, input: PersonMergeCreate): Promise<PersonDetail> {
  requirePermission(ctx.actor, 'persons.write');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    await merges.lockPersons(tx, [sourceId, input.into]);
    const source = await findWritablePerson(tx, actor, sourceId);
    const target = await findWritablePerson(tx, actor, input.into);
    if (source.id === target.id) {
      throw new AppError('MERGE_SAME_PERSON', 'a record cannot be merged into itself', { field: 'into' });
    }
    const now = ctx.now();
    const names = await repo.listNames(tx, source.id);
    const documents = await repo.listDocuments(tx, source.id);
    const permits = await repo.listPermits(tx, source.id);
    const addresses = await repo.listAddresses(tx, source.id);
    const claims = await repo.listClaims(tx, source.id);
    const stamp = (r: { id: string; updatedAt: Date }) => ({ id: r.id, updatedAt: r.updatedAt.toISOString() });
    const moved: merges.PersonMergeMoved = {
      names: names.map((n) => ({ ...stamp(n), wasPrimary: n.kind === 'primary' })),
      documents: documents.map(stamp),
      permits: permits.map(stamp),
      addresses: addresses.map(stamp),
      claims: claims.map((c) => ({ id: c.id, supersededAt: c.supersededAt?.toISOString() ?? null })),
      filled: !target.sponsorId && source.sponsorId ? { sponsorId: source.sponsorId } : {},
    };
    // The surviving record has its own primary name; the merged-away one stays as an alias (found by search).
    await merges.setNameKinds(
      tx,
      moved.names.filter((n) => n.wasPrimary).map((n) => n.id),
      'alias',
    );
    for (const kind of Object.keys(merges.factTables) as merges.FactKind[]) {
      await merges.moveFacts(
        tx,
        kind,
        moved[kind].map((r) => r.id),
        target.id,
      );
    }
    if (moved.filled.sponsorId) {
      await repo.updatePerson(tx, target.id, { sponsorId: moved.filled.sponsorId });
    }
    await repo.updatePerson(tx, source.id, { mergedInto: target.id, updatedAt: now });
    const merge = await merges.insertMerge(tx, {
      id: randomUUID(),
      sourceId: source.id,
      targetId: target.id,
      reason: input.reason,
      moved,
      mergedAt: now,
      mergedByUserId: actorUserIdOf(ctx),
      mergedByName: actorNameOf(ctx),
    });
    const after = await refreshPerson(tx, target.id, now);
    await appendAudit(tx, ctx, {
      action: 'person.merge',
      objectType: 'person',
      objectId: source.id,
      details: { mergeId: merge.id, sourceId: source.id, targetId: target.id, reason: input.reason, ...counts(moved) },
    });
    return presentDetail(tx, after, presentOpts(ctx));
  });
}

function counts(moved: merges.PersonMergeMoved) {
  return {
    moved: {
      names: moved.names.length,
      documents: moved.documents.length,
      permits: moved.permits.length,
      addresses: moved.addresses.length,
      claims: moved.claims.length,
    },
  };
}

type ChangedFact = { kind: merges.FactKind; id: string };

/** Moved rows that are no longer as the merge left them: changed since (corrected, superseded, ended) or gone. */
async function changedSinceMerge(
  db: Parameters<typeof merges.findClaimStates>[0],
  merge: merges.MergeRow,
): Promise<ChangedFact[]> {
  const changed: ChangedFact[] = [];
  for (const kind of ['names', 'documents', 'permits', 'addresses'] as const) {
    const recorded = merge.moved[kind];
    const now = new Map(
      (
        await merges.findFactStates(
          db,
          kind,
          recorded.map((r) => r.id),
        )
      ).map((r) => [r.id, r]),
    );
    for (const r of recorded) {
      const state = now.get(r.id);
      if (!state || state.personId !== merge.targetId || state.updatedAt.toISOString() !== r.updatedAt) {
        changed.push({ kind, id: r.id });
      }
    }
  }
  const claims = new Map(
    (
      await merges.findClaimStates(
        db,
        merge.moved.claims.map((c) => c.id),
      )
    ).map((c) => [c.id, c]),
  );
  for (const c of merge.moved.claims) {
    const state = claims.get(c.id);
    if (!state || state.personId !== merge.targetId || (state.supersededAt?.toISOString() ?? null) !== c.supersededAt) {
      changed.push({ kind: 'claims', id: c.id });
    }
  }
  return changed;
}

/**
 * Undoes the merge that holds `sourceId` merged away: exactly the rows the merge moved go back, the merged-away
 * primary name is primary again, a sponsor the merge filled in is taken back (unless changed since), and both
 * records' kept columns are recomputed. Facts added to the surviving record after the merge stay there. Refused when
 * it could not be exact: the surviving record was merged again (409 MERGE_UNDO_BLOCKED: undo that merge first) or a
 * moved fact changed since the merge (409 MERGE_UNDO_NOT_EXACT, with the facts).
 */
export async function undoMerge(ctx: Ctx, sourceId: string, input: PersonMergeUndo): Promise<PersonDetail> {
  requirePermission(ctx.actor, 'persons.write');
  const actor = ctx.actor;
  return ctx.database.transaction(async (tx) => {
    const source = await findVisiblePerson(tx, actor, sourceId);
    const merge = source.mergedInto ? await merges.findActiveMergeOf(tx, source.id) : undefined;
    if (!merge) {
      throw new AppError('PERSON_NOT_MERGED', 'the record is not merged into another');
    }
    await merges.lockPersons(tx, [merge.sourceId, merge.targetId]);
    const target = await findVisiblePerson(tx, actor, merge.targetId);
    if (target.mergedInto) {
      const later = await merges.findActiveMergeOf(tx, target.id);
      throw new AppError('MERGE_UNDO_BLOCKED', 'the surviving record was merged again: undo that merge first', {
        mergedInto: target.mergedInto,
        laterMergeId: later?.id ?? null,
      });
    }
    const changed = await changedSinceMerge(tx, merge);
    if (changed.length > 0) {
      throw new AppError('MERGE_UNDO_NOT_EXACT', 'facts that the merge moved have changed since', { changed });
    }
    const now = ctx.now();
    for (const kind of Object.keys(merges.factTables) as merges.FactKind[]) {
      await merges.moveFacts(
        tx,
        kind,
        merge.moved[kind].map((r) => r.id),
        source.id,
      );
    }
    await merges.setNameKinds(
      tx,
      merge.moved.names.filter((n) => n.wasPrimary).map((n) => n.id),
      'primary',
    );
    if (merge.moved.filled.sponsorId && target.sponsorId === merge.moved.filled.sponsorId) {
      await repo.updatePerson(tx, target.id, { sponsorId: null });
    }
    await repo.updatePerson(tx, source.id, { mergedInto: null, updatedAt: now });
    await merges.markMergeUndone(tx, merge.id, {
      undoneAt: now,
      undoneByUserId: actorUserIdOf(ctx),
      undoneByName: actorNameOf(ctx),
      undoReason: input.reason,
    });
    await refreshPerson(tx, target.id, now);
    const restored = await refreshPerson(tx, source.id, now);
    await appendAudit(tx, ctx, {
      action: 'person.merge.undo',
      objectType: 'person',
      objectId: source.id,
      details: { mergeId: merge.id, sourceId: source.id, targetId: target.id, reason: input.reason },
    });
    return presentDetail(tx, restored, presentOpts(ctx));
  });
}
