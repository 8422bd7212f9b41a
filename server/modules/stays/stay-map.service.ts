// The office's map of who is staying where now: the regencies of the viewer's scope and, per property in scope with
// open stays, its pin and guest count. Counts only, no personal data (the guests of a property come from GET /stays,
// which audits the read).
import { and, count, eq } from 'drizzle-orm';
import type { StayMap } from '../../../contracts/stay-map';
import { accommodations } from '../../db/schema/accommodations';
import { stays } from '../../db/schema/stays';
import { requirePermission, scopeOf } from '../../platform/access';
import type { Ctx } from '../../platform/context';
import { inScopeSql } from '../persons/persons.scope';
import { regencyOutlinesFor } from '../regions/region-outlines';
import { findRegionLabels } from '../sponsors/register-refs';

export async function getStayMap(ctx: Ctx): Promise<StayMap> {
  requirePermission(ctx.actor, 'stays.read');
  const scope = scopeOf(ctx.actor);
  const db = ctx.database.db;
  const rows = await db
    .select({
      id: accommodations.id,
      name: accommodations.name,
      villageCode: accommodations.villageCode,
      latitude: accommodations.latitude,
      longitude: accommodations.longitude,
      guestCount: count(),
    })
    .from(stays)
    .innerJoin(accommodations, eq(accommodations.id, stays.accommodationId))
    .where(and(eq(stays.status, 'open'), inScopeSql(stays.villageCode, scope)))
    .groupBy(accommodations.id)
    .orderBy(accommodations.name);
  const labels = await findRegionLabels(
    db,
    rows.map((r) => r.villageCode),
  );
  return {
    regions: regencyOutlinesFor(
      scope,
      rows.map((r) => r.villageCode),
    ),
    properties: rows.map((r) => ({
      ...r,
      guestCount: Number(r.guestCount),
      villageLabel: labels.get(r.villageCode)?.label ?? r.villageCode,
    })),
    guestCount: rows.reduce((sum, r) => sum + Number(r.guestCount), 0),
  };
}
