// Roles of PORA users, with what each may do and whether it must sign in with a second factor.
// Bump the version whenever a label or a role's permissions change.
import type { CodeTable } from '../../../../contracts/code-tables';
import { type Role, roleCodes } from '../../../../contracts/common';
import { rolePermissions, rolesRequiringTotp } from '../../../platform/access';

const labels: Record<Role, { id: string; en: string }> = {
  system_admin: { id: 'Administrator Sistem', en: 'System administrator' },
  office_admin: { id: 'Admin Kantor (Sekretariat TIM PORA)', en: 'Office administrator (TIM PORA secretariat)' },
  analyst: { id: 'Analis', en: 'Analyst' },
  agency_member: { id: 'Anggota Instansi', en: 'Agency member' },
  field_officer: { id: 'Petugas Lapangan', en: 'Field officer' },
  accommodation_operator: { id: 'Operator Penginapan', en: 'Accommodation operator' },
  auditor: { id: 'Auditor', en: 'Auditor' },
};

export const roles = {
  name: 'roles',
  version: '2026.2',
  items: roleCodes.map((code) => ({
    code,
    requiresTotp: rolesRequiringTotp.includes(code),
    permissions: [...rolePermissions[code]],
    label: labels[code],
  })),
} satisfies CodeTable;
