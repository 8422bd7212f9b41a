// Demo part "users": one account per role, with a random strong password that works at once (no forced change) and
// no second factor yet (roles that require one are asked to enrol at first sign-in).
import type { Role } from '../../../contracts/common';
import { generateOneTimePassword } from '../../platform/auth/passwords';
import { createUser } from '../users/users.service';
import { DEMO_MAIL_DOMAIN, demoAgencies } from './demo.orgs';
import type { DemoPart } from './demo.parts';

export const demoUsers: { role: Role; mailbox: string; name: string; agency: string }[] = [
  { role: 'system_admin', mailbox: 'admin', name: 'Fajar Nugroho', agency: 'agency:kanim-muara-enim' },
  { role: 'office_admin', mailbox: 'sekretariat', name: 'Rina Marlina', agency: 'agency:kanim-muara-enim' },
  { role: 'analyst', mailbox: 'analis', name: 'Yusuf Effendi', agency: 'agency:kanim-muara-enim' },
  { role: 'agency_member', mailbox: 'polres.pagaralam', name: 'Andi Saputra', agency: 'agency:polres-pagar-alam' },
  { role: 'field_officer', mailbox: 'petugas', name: 'Hendra Gunawan', agency: 'agency:kanim-muara-enim' },
  // The operator's account sits with the city's tourism office; the accommodations part binds it to Hotel Dempo Asri.
  { role: 'accommodation_operator', mailbox: 'hotel', name: 'Dewi Lestari', agency: 'agency:dispar-pagar-alam' },
  { role: 'auditor', mailbox: 'auditor', name: 'Sri Wahyuni', agency: 'agency:kanwil-sumsel' },
];

export const usersDemoPart: DemoPart = {
  name: 'users',
  async load({ ctx, demoId, accounts }) {
    const agencyNames = new Map(demoAgencies().map((a) => [a.key, a.name]));
    for (const u of demoUsers) {
      // A password given to createUser is the account's own (no forced change), checked against the policy.
      const password = generateOneTimePassword();
      const email = `${u.mailbox}@${DEMO_MAIL_DOMAIN}`;
      await createUser(ctx, { email, name: u.name, agencyId: demoId(u.agency), roles: [u.role] }, { password });
      accounts.push({ role: u.role, email, name: u.name, agency: agencyNames.get(u.agency) ?? u.agency, password });
    }
  },
};
