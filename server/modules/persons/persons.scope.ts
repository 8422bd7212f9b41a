// Who sees which person: one whose current address lies in the actor's scope; one without an address yet, the agency
// that recorded them. National scope sees everyone. What is not visible is answered as not found. Sponsors are seen
// through the persons they sponsor (sponsors module), so this rule is shared as a predicate and as SQL.
import { and, eq, inArray, isNull, like, or, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { persons } from '../../db/schema/register';
import { type Actor, isInScope, type Scope, scopeOf } from '../../platform/access';

export type RegisterViewer = { scope: Scope; agencyId: string | null };

export function viewerOf(actor: Actor): RegisterViewer {
  return { scope: scopeOf(actor), agencyId: actor.kind === 'user' ? actor.agencyId : null };
}

export function isPersonVisible(
  viewer: RegisterViewer,
  person: { regionCode: string | null; recordedByAgencyId: string | null },
): boolean {
  if (viewer.scope === 'all') {
    return true;
  }
  if (person.regionCode !== null) {
    return isInScope(viewer.scope, person.regionCode);
  }
  return viewer.agencyId !== null && person.recordedByAgencyId === viewer.agencyId;
}

/** The area in `column` is one of the scope's areas or lies inside one. Codes are digits and dots: safe in LIKE. */
export function inScopeSql(column: AnyPgColumn, scope: Scope): SQL | undefined {
  if (scope === 'all') {
    return undefined;
  }
  return scope.length === 0
    ? eq(column, '__none__')
    : or(inArray(column, [...scope]), ...scope.map((c) => like(column, `${c}.%`)));
}

/** The area in `column` is `code` or lies inside it. */
export function withinAreaSql(column: AnyPgColumn, code: string): SQL | undefined {
  return or(eq(column, code), like(column, `${code}.%`));
}

/** isPersonVisible as a WHERE clause on the persons table. */
export function personVisibleSql(viewer: RegisterViewer): SQL | undefined {
  if (viewer.scope === 'all') {
    return undefined;
  }
  return or(
    inScopeSql(persons.regionCode, viewer.scope),
    viewer.agencyId ? and(isNull(persons.regionCode), eq(persons.recordedByAgencyId, viewer.agencyId)) : undefined,
  );
}
