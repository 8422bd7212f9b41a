// The member agencies of a team with their role and liaison officer (narahubung): who to call in each agency.
import { ActionIcon, Anchor, Badge, Button, Group, Menu, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamDetail, TeamMemberItem } from '../../../../contracts/orgs';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { DataList } from '../../../components/data-list';
import { useCodeLabel } from '../../../lib/api/use-code-table';
import { areaShortName } from '../../../lib/regions';
import { useAddTeamMember } from '../api/use-add-team-member';
import { useRemoveTeamMember } from '../api/use-remove-team-member';
import { useUpdateTeamMember } from '../api/use-update-team-member';
import { MemberForm } from './member-form';

const roleOrder = ['ketua', 'wakil_ketua', 'sekretaris', 'anggota'];

function Liaison({ member }: { member: TeamMemberItem }) {
  if (!member.liaisonName && !member.liaisonPhone && !member.liaisonEmail) {
    return null;
  }
  return (
    <Stack gap={0}>
      {member.liaisonName && <Text size="sm">{member.liaisonName}</Text>}
      {member.liaisonPhone && (
        <Anchor href={`tel:${member.liaisonPhone.replace(/[^+0-9]/g, '')}`} size="sm">
          {member.liaisonPhone}
        </Anchor>
      )}
      {member.liaisonEmail && (
        <Anchor href={`mailto:${member.liaisonEmail}`} size="sm">
          {member.liaisonEmail}
        </Anchor>
      )}
    </Stack>
  );
}

export function TeamMembers({ team, canManage }: { team: TeamDetail; canManage: boolean }) {
  const { t } = useTranslation('teams');
  const { t: tc } = useTranslation();
  const roleLabel = useCodeLabel('team-member-roles');
  const kindLabel = useCodeLabel('agency-kinds');
  const add = useAddTeamMember(team.id);
  const update = useUpdateTeamMember(team.id);
  const remove = useRemoveTeamMember(team.id);
  const [adding, addModal] = useDisclosure(false);
  const [editing, setEditing] = useState<TeamMemberItem | null>(null);
  const [removing, setRemoving] = useState<TeamMemberItem | null>(null);
  const editable = canManage && !team.archivedAt;
  const isPhone = useMediaQuery('(max-width: 48em)');

  const members = [...team.members].sort(
    (a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role) || a.agency.name.localeCompare(b.agency.name, 'id'),
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} fz="lg">
          {t('members.title', { count: team.members.length })}
        </Title>
        {editable && (
          <Button size="sm" leftSection={<IconPlus size={16} />} onClick={addModal.open} data-testid="member-add">
            {t('members.add')}
          </Button>
        )}
      </Group>
      <DataList
        rows={members}
        isPending={false}
        error={null}
        emptyText={t('members.empty')}
        rowKey={(member) => member.id}
        rowTitle={(member) => member.agency.name}
        rowBadge={(member) =>
          member.agency.archivedAt ? (
            <Badge color="gray" variant="light">
              {tc('status.archived')}
            </Badge>
          ) : null
        }
        testId="members-list"
        rowTestId="member-row"
        columns={[
          { key: 'role', header: t('members.role'), render: (member) => roleLabel(member.role) },
          {
            key: 'agency',
            header: t('members.kindArea'),
            render: (member) => `${kindLabel(member.agency.kind)} · ${areaShortName(member.agency.region)}`,
          },
          { key: 'liaison', header: t('members.liaison'), render: (member) => <Liaison member={member} /> },
          ...(editable
            ? [
                {
                  key: 'actions',
                  header: tc('list.actions'),
                  width: 80,
                  render: (member: TeamMemberItem) => (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`${tc('actions.more')}: ${member.agency.name}`}
                        >
                          <IconDots size={18} />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(member)}>
                          {tc('actions.edit')}
                        </Menu.Item>
                        <Menu.Item
                          color="red"
                          leftSection={<IconTrash size={16} />}
                          onClick={() => setRemoving(member)}
                        >
                          {t('members.remove')}
                        </Menu.Item>
                      </Menu.Dropdown>
                    </Menu>
                  ),
                },
              ]
            : []),
        ]}
      />

      <Modal
        opened={adding}
        onClose={addModal.close}
        title={<Text fw={600}>{t('members.addTitle')}</Text>}
        size="lg"
        fullScreen={isPhone}
      >
        <MemberForm
          onCancel={addModal.close}
          onSubmit={async (values) => {
            await add.mutateAsync(values);
            addModal.close();
            notifications.show({ color: 'green', message: t('members.added') });
          }}
        />
      </Modal>

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={<Text fw={600}>{editing?.agency.name}</Text>}
        size="lg"
        fullScreen={isPhone}
      >
        {editing && (
          <MemberForm
            member={editing}
            onCancel={() => setEditing(null)}
            onSubmit={async ({ agencyId: _agencyId, ...input }) => {
              await update.mutateAsync({ memberId: editing.id, input });
              setEditing(null);
              notifications.show({ color: 'green', message: tc('notify.saved') });
            }}
          />
        )}
      </Modal>

      <ConfirmDialog
        opened={removing !== null}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
        title={t('members.removeTitle')}
        message={t('members.removeMessage', { agency: removing?.agency.name ?? '' })}
        confirmLabel={t('members.remove')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              setRemoving(null);
              notifications.show({ color: 'green', message: t('members.removed') });
            },
          })
        }
      />
    </Stack>
  );
}
