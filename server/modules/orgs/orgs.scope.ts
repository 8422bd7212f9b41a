// Who sees and who manages which organisation.
// Seeing: offices are a national directory for every holder of orgs.read; an agency or a team is visible when its
// area overlaps the actor's scope (lies inside it, or contains part of it: a Polres in Kota Pagar Alam sees the
// Sumatera Selatan provincial team); a team also when the actor's agency is a member or the actor's office is its
// secretariat; pusat teams are visible to all. What is not visible is answered as not found.
// Managing: an area inside the actor's scope; a team also when the actor's office is its secretariat; pusat teams and
// offices only with national scope.
import type { TeamLevel } from '../../../contracts/orgs';
import { type Actor, isInScope, type Scope, scopeOf } from '../../platform/access';

/** True when the area and the scope share ground: the area lies inside the scope or contains part of it. */
export function overlapsScope(scope: Scope, code: string): boolean {
  if (scope === 'all') {
    return true;
  }
  return scope.some((prefix) => isInScope([prefix], code) || isInScope([code], prefix));
}

export function canManageArea(actor: Actor, code: string): boolean {
  return isInScope(scopeOf(actor), code);
}

/** What the visibility of teams is computed from. */
export type TeamViewer = { scope: Scope; officeId: string | null; agencyId: string | null };

export function teamViewerOf(actor: Actor): TeamViewer {
  return actor.kind === 'user'
    ? { scope: actor.scope, officeId: actor.officeId, agencyId: actor.agencyId }
    : { scope: scopeOf(actor), officeId: null, agencyId: null };
}

export function canManageTeam(
  actor: Actor,
  team: { level: TeamLevel | string; regionCode: string; secretariatOfficeId: string | null },
): boolean {
  const scope = scopeOf(actor);
  if (scope === 'all') {
    return true;
  }
  if (team.level === 'pusat') {
    return false;
  }
  const officeId = actor.kind === 'user' ? actor.officeId : null;
  return isInScope(scope, team.regionCode) || (officeId !== null && team.secretariatOfficeId === officeId);
}
