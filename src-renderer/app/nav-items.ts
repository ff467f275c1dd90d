/**
 * The screens in navigation order. The navbar, the Ctrl/Cmd+1..8 shortcuts, the jump palette and
 * the shortcuts help all read this one list, so they cannot drift apart.
 */
import {
  IconBuildingCommunity,
  IconChecklist,
  IconFolders,
  IconHome,
  IconLifebuoy,
  IconListCheck,
  IconRoute,
  IconPlugConnected,
  IconSettings,
  IconShieldLock,
  IconShieldSearch,
  IconUserPlus,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

export interface NavItem {
  path: string;
  label: string;
  icon: Icon;
  /** One line for the palette and the home screen. */
  description: string;
  /** The digit of its Ctrl/Cmd shortcut, if it has one. */
  hotkey?: string;
}

export const HOME: NavItem = {
  path: '/',
  label: 'Home',
  icon: IconHome,
  description: 'Overview of the active instance and what to do next',
  hotkey: '0',
};

/**
 * Hotkeys are fixed per screen rather than by position: people learn Ctrl+2 for People, so screens
 * added later (Organizations, Programs) get none and are reached by the navbar or the palette.
 */
export const SCREENS: readonly NavItem[] = [
  {
    path: '/connect',
    label: 'Connect',
    icon: IconPlugConnected,
    description: 'Connection test, secrets and the sandbox',
    hotkey: '1',
  },
  {
    path: '/people',
    label: 'People',
    icon: IconUsers,
    description: 'Synced people: search, filter, open a person',
    hotkey: '2',
  },
  {
    path: '/organizations',
    label: 'Organizations',
    icon: IconBuildingCommunity,
    description: 'The organization tree and the people in each',
  },
  {
    path: '/roles',
    label: 'Roles',
    icon: IconShieldLock,
    description: 'Roles, who holds them, which are privileged',
    hotkey: '3',
  },
  { path: '/programs', label: 'Programs', icon: IconFolders, description: 'Programs and their UTA role assignments' },
  {
    path: '/onboarding',
    label: 'Onboarding',
    icon: IconUserPlus,
    description: 'New people from intake documents',
    hotkey: '4',
  },
  {
    path: '/plans',
    label: 'Plans',
    icon: IconListCheck,
    description: 'Approve, apply and undo batches of changes',
    hotkey: '5',
  },
  {
    path: '/lifecycle',
    label: 'Lifecycle',
    icon: IconRoute,
    description: 'Program rosters, movers, leavers and organizations offboarded, each as a plan',
  },
  {
    path: '/audit',
    label: 'Audit',
    icon: IconShieldSearch,
    description: 'Findings over logins and access changes',
    hotkey: '6',
  },
  {
    path: '/helpdesk',
    label: 'Help desk',
    icon: IconLifebuoy,
    description: "Why can't this person see that: access checks, fixes as plans, the guide",
  },
  { path: '/reviews', label: 'Reviews', icon: IconChecklist, description: 'Access review campaigns', hotkey: '7' },
  {
    path: '/settings',
    label: 'Settings',
    icon: IconSettings,
    description: 'Theme and SmartSimple instances',
    hotkey: '8',
  },
];

export const ALL_NAV_ITEMS: readonly NavItem[] = [HOME, ...SCREENS];

/** True when `location` is `item` or one of its sub-pages. */
export function isActiveNav(item: NavItem, location: string): boolean {
  if (item.path === '/') return location === '/' || location === '';
  return location === item.path || location.startsWith(`${item.path}/`);
}
