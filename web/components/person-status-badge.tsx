// A foreigner's status as a badge that reads without colour too: each status has its own colour, fill and icon, and
// the words carry the numbers that matter (days of overstay, days left).
import { Badge, type BadgeProps } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconFileAlert,
  IconHelpCircle,
  IconHourglassLow,
  IconPlaneDeparture,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonStatus, PersonStatusCode } from '../../contracts/persons';

const looks: Record<PersonStatusCode, { color: string; variant: BadgeProps['variant']; icon: ReactNode }> = {
  active: { color: 'green', variant: 'light', icon: <IconCircleCheck size={14} /> },
  expiring: { color: 'yellow', variant: 'filled', icon: <IconHourglassLow size={14} /> },
  overstay: { color: 'red', variant: 'filled', icon: <IconAlertTriangle size={14} /> },
  document_expired: { color: 'grape', variant: 'light', icon: <IconFileAlert size={14} /> },
  exited: { color: 'gray', variant: 'light', icon: <IconPlaneDeparture size={14} /> },
  unknown: { color: 'gray', variant: 'outline', icon: <IconHelpCircle size={14} /> },
};

/** The status in words, with its numbers: "Overstay 12 hari", "Segera berakhir (9 hari lagi)". */
export function usePersonStatusText() {
  const { t } = useTranslation();
  return (status: Pick<PersonStatus, 'code' | 'daysLeft' | 'overstayDays'>): string => {
    if (status.code === 'overstay' && status.overstayDays !== null) {
      return t('personStatus.overstayDays', { count: status.overstayDays });
    }
    if (status.code === 'expiring' && status.daysLeft !== null) {
      return t('personStatus.expiringDays', { count: status.daysLeft });
    }
    return t(`personStatus.${status.code}`);
  };
}

export function PersonStatusBadge({
  status,
  size = 'md',
}: {
  status: Pick<PersonStatus, 'code' | 'daysLeft' | 'overstayDays'>;
  size?: BadgeProps['size'];
}) {
  const text = usePersonStatusText();
  const look = looks[status.code];
  return (
    <Badge
      color={look.color}
      variant={look.variant}
      leftSection={look.icon}
      size={size}
      tt="none"
      autoContrast
      style={{ flexShrink: 0 }}
      data-testid="person-status"
      data-status={status.code}
    >
      {text(status)}
    </Badge>
  );
}
