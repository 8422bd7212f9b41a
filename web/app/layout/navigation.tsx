// The navigation follows the user's permissions: a link appears only when its page would work.
import { NavLink, Stack } from '@mantine/core';
import {
  IconBed,
  IconBuildingCommunity,
  IconBuildingEstate,
  IconBuildingFactory2,
  IconCalendarDue,
  IconChartBar,
  IconClipboardList,
  IconFileImport,
  IconHome,
  IconHomeCheck,
  IconListSearch,
  IconReceipt,
  IconSettings,
  IconUserPlus,
  IconUserSearch,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../../contracts/auth';
import type { Permission } from '../../../contracts/common';
import { can } from '../../lib/permissions';

type NavKey =
  | 'home'
  | 'register'
  | 'registerImport'
  | 'sponsors'
  | 'accommodations'
  | 'myAccommodation'
  | 'guestReport'
  | 'receipts'
  | 'guests'
  | 'compliance'
  | 'checkOutsDue'
  | 'offices'
  | 'agencies'
  | 'teams'
  | 'users'
  | 'audit';
type NavItem = { key: NavKey; to: string; icon: ReactNode; permission?: Permission };

const mainItems: NavItem[] = [
  { key: 'home', to: '/', icon: <IconHome size={18} /> },
  { key: 'register', to: '/register', icon: <IconUserSearch size={18} />, permission: 'persons.read' },
  { key: 'registerImport', to: '/register/import', icon: <IconFileImport size={18} />, permission: 'persons.write' },
  { key: 'sponsors', to: '/register/sponsors', icon: <IconBuildingFactory2 size={18} />, permission: 'sponsors.read' },
  { key: 'accommodations', to: '/accommodations', icon: <IconBed size={18} />, permission: 'accommodations.read' },
  {
    key: 'myAccommodation',
    to: '/my-accommodation',
    icon: <IconHomeCheck size={18} />,
    permission: 'accommodations.manage_own',
  },
  {
    key: 'guestReport',
    to: '/guests/report',
    icon: <IconUserPlus size={18} />,
    permission: 'accommodations.manage_own',
  },
  { key: 'receipts', to: '/receipts', icon: <IconReceipt size={18} />, permission: 'accommodations.manage_own' },
  {
    key: 'checkOutsDue',
    to: '/check-outs-due',
    icon: <IconCalendarDue size={18} />,
    permission: 'accommodations.manage_own',
  },
  { key: 'guests', to: '/guests', icon: <IconClipboardList size={18} />, permission: 'stays.read' },
  { key: 'compliance', to: '/compliance', icon: <IconChartBar size={18} />, permission: 'compliance.read' },
];
const adminItems: NavItem[] = [
  { key: 'offices', to: '/admin/offices', icon: <IconBuildingEstate size={18} />, permission: 'orgs.read' },
  { key: 'agencies', to: '/admin/agencies', icon: <IconBuildingCommunity size={18} />, permission: 'orgs.read' },
  { key: 'teams', to: '/admin/teams', icon: <IconUsersGroup size={18} />, permission: 'orgs.read' },
  { key: 'users', to: '/admin/users', icon: <IconUsers size={18} />, permission: 'users.read' },
];
const auditItems: NavItem[] = [
  { key: 'audit', to: '/audit', icon: <IconListSearch size={18} />, permission: 'audit.read' },
];

export function visibleItems(me: Me, items: NavItem[]) {
  return items.filter((item) => !item.permission || can(me, item.permission));
}

function matches(pathname: string, to: string) {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

/** The most specific link wins: /register/sponsors/… lights up "Penjamin", not "Orang Asing" as well. */
function isActive(pathname: string, to: string) {
  const all = [...mainItems, ...adminItems, ...auditItems];
  return matches(pathname, to) && !all.some((item) => item.to.length > to.length && matches(pathname, item.to));
}

export function Navigation({ me, onNavigate }: { me: Me; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const admin = visibleItems(me, adminItems);

  const link = (item: NavItem) => (
    <NavLink
      key={item.key}
      component={Link}
      to={item.to}
      label={t(`nav.${item.key}`)}
      leftSection={item.icon}
      active={isActive(pathname, item.to)}
      onClick={onNavigate}
      data-testid={`nav-${item.key}`}
      aria-current={isActive(pathname, item.to) ? 'page' : undefined}
    />
  );

  return (
    <Stack gap={2} component="nav" aria-label={t('nav.mainNavigation')}>
      {visibleItems(me, mainItems).map(link)}
      {admin.length > 0 && (
        <NavLink
          label={t('nav.admin')}
          leftSection={<IconSettings size={18} />}
          defaultOpened={true}
          childrenOffset={28}
          data-testid="nav-admin"
        >
          {admin.map(link)}
        </NavLink>
      )}
      {visibleItems(me, auditItems).map(link)}
    </Stack>
  );
}
