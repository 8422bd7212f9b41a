// Who may do what (permissions by role) and where (scope by agency jurisdiction or office working area).
import type { Permission, Role } from '../../contracts/common';
import { AppError } from './errors';

export const rolePermissions: Record<Role, readonly Permission[]> = {
  system_admin: [
    'regions.read',
    'orgs.read',
    'offices.manage',
    'agencies.manage',
    'teams.manage',
    'users.read',
    'users.manage',
    'audit.read',
    'persons.read',
    'persons.write',
    'sponsors.read',
    'sponsors.write',
    'accommodations.read',
    'accommodations.verify',
    'stays.read',
    'compliance.read',
    'compliance.remind',
  ],
  office_admin: [
    'regions.read',
    'orgs.read',
    'agencies.manage',
    'teams.manage',
    'users.read',
    'users.manage',
    'persons.read',
    'persons.write',
    'sponsors.read',
    'sponsors.write',
    'accommodations.read',
    'accommodations.verify',
    'stays.read',
    'compliance.read',
    'compliance.remind',
  ],
  analyst: [
    'regions.read',
    'orgs.read',
    'persons.read',
    'persons.write',
    'sponsors.read',
    'sponsors.write',
    'accommodations.read',
    'stays.read',
    'compliance.read',
    'compliance.remind',
  ],
  agency_member: ['regions.read', 'orgs.read', 'persons.read', 'sponsors.read', 'accommodations.read', 'stays.read'],
  field_officer: [
    'regions.read',
    'orgs.read',
    'persons.read',
    'persons.write',
    'sponsors.read',
    'accommodations.read',
    'stays.read',
    'compliance.read',
  ],
  accommodation_operator: ['regions.read', 'accommodations.manage_own'],
  auditor: ['regions.read', 'orgs.read', 'users.read', 'audit.read'],
};

/** Roles that must sign in with a second factor. */
export const rolesRequiringTotp: readonly Role[] = ['system_admin', 'office_admin', 'auditor'];

/** Region-code prefixes the actor may see; 'all' for national scope. */
export type Scope = 'all' | readonly string[];

export type UserActor = {
  kind: 'user';
  userId: string;
  name: string;
  email: string;
  agencyId: string;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
  scope: Scope;
  /** immigration office whose working area the actor administers, if any. */
  officeId: string | null;
  sessionId: string;
};

export type SystemActor = { kind: 'system'; name: string };
export type AnonymousActor = { kind: 'anonymous' };
/** A property-management system or script holding an accommodation's API key: it acts for that one property, only
 * on routes that accept keys (config.apiKey), and holds no permission (services check the property instead). */
export type AccommodationKeyActor = {
  kind: 'accommodation_key';
  keyId: string;
  accommodationId: string;
  name: string;
  /** the property as read with the key at the start of this request (verified then), so that a report need not
   * read it again */
  property?: { name: string; villageCode: string; address: string };
};
export type Actor = UserActor | SystemActor | AnonymousActor | AccommodationKeyActor;

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => rolePermissions[r]));
}

export function hasPermission(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') {
    return true;
  }
  return actor.kind === 'user' && actor.permissions.has(permission);
}

/** First line of every service method. */
export function requirePermission(actor: Actor, permission: Permission): asserts actor is UserActor | SystemActor {
  if (actor.kind === 'anonymous') {
    throw new AppError('UNAUTHENTICATED');
  }
  if (!hasPermission(actor, permission)) {
    throw new AppError('PERMISSION_DENIED', `missing permission ${permission}`, { permission });
  }
}

export function requireUser(actor: Actor): asserts actor is UserActor {
  if (actor.kind !== 'user') {
    throw new AppError('UNAUTHENTICATED');
  }
}

export function scopeOf(actor: Actor): Scope {
  return actor.kind === 'system' ? 'all' : actor.kind === 'user' ? actor.scope : [];
}

/** True when `code` lies inside one of the scope's areas (an area contains itself and everything below it). */
export function isInScope(scope: Scope, code: string | null | undefined): boolean {
  if (scope === 'all') {
    return true;
  }
  if (!code) {
    return false;
  }
  return scope.some((prefix) => code === prefix || code.startsWith(`${prefix}.`));
}

/**
 * Scope of a user: national for system admins and auditors; the office working area for the immigration office's own
 * agency; otherwise the agency's jurisdiction.
 */
export function computeScope(
  roles: readonly Role[],
  agencyRegion: string,
  officeWorkingArea: readonly string[] | null,
) {
  if (roles.includes('system_admin') || roles.includes('auditor')) {
    return 'all' as const;
  }
  if (officeWorkingArea && officeWorkingArea.length > 0) {
    return [...officeWorkingArea];
  }
  return [agencyRegion];
}
