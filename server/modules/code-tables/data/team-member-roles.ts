// Roles of a member agency in a TIM PORA. Bump the version whenever a label changes.
import type { CodeTable } from '../../../../contracts/code-tables';
import type { TeamMemberRole } from '../../../../contracts/orgs';

const labels: Record<TeamMemberRole, { id: string; en: string }> = {
  ketua: { id: 'Ketua', en: 'Chair' },
  wakil_ketua: { id: 'Wakil Ketua', en: 'Vice chair' },
  sekretaris: { id: 'Sekretaris', en: 'Secretary' },
  anggota: { id: 'Anggota', en: 'Member' },
};

export const teamMemberRoles = {
  name: 'team-member-roles',
  version: '2026.1',
  items: Object.entries(labels).map(([code, label]) => ({ code, label })),
} satisfies CodeTable;
