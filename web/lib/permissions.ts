import type { Me } from '../../contracts/auth';
import type { Permission } from '../../contracts/common';

export function can(me: Me | null | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}
