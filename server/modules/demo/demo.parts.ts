// The demo scenario as an ordered list of parts. Each part loads once (its name is remembered in the settings table),
// inside the demo's transaction; a later capability adds its demo data by appending a part here. Parts refer to each
// other's objects through `demoId(key)`, which gives the same id for the same key in every installation.
import type { Tx } from '../../db/client';
import type { AuditEntry } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { accommodationsDemoPart } from './demo.accommodations';
import { orgsDemoPart } from './demo.orgs';
import { registerDemoPart } from './demo.register';
import { staysDemoPart } from './demo.stays';
import { usersDemoPart } from './demo.users';

export type DemoAccount = { role: string; email: string; name: string; agency: string; password: string };

export type DemoPartContext = {
  tx: Tx;
  /** system-actor context bound to the demo's transaction: services called with it join that transaction. */
  ctx: Ctx;
  demoId: (key: string) => string;
  audit: (entry: AuditEntry) => Promise<void>;
  /** accounts created by the part, printed and written to demo-accounts.txt. */
  accounts: DemoAccount[];
};

export type DemoPart = { name: string; load: (demo: DemoPartContext) => Promise<void> };

export const demoParts: readonly DemoPart[] = [
  orgsDemoPart,
  usersDemoPart,
  registerDemoPart,
  accommodationsDemoPart,
  staysDemoPart,
];
