/**
 * The screens in navigation order. The navbar, the Ctrl/Cmd+1..8 shortcuts, the jump palette and
 * the shortcuts help all read this one list, so they cannot drift apart.
 */
import {
  IconChecklist,
  IconHome,
  IconListCheck,
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

export const SCREENS: readonly NavItem[] = [
  { path: '/connect', label: 'Connect', icon: IconPlugConnected, description: 'Connection test, secrets and the sandbox' },
  { path: '/people', label: 'People', icon: IconUsers, description: 'Synced people and organizations' },
  { path: '/roles', label: 'Roles', icon: IconShieldLock, description: 'Roles and who holds them' },
  { path: '/onboarding', label: 'Onboarding', icon: IconUserPlus, description: 'New people from intake documents' },
  { path: '/plans', label: 'Plans', icon: IconListCheck, description: 'Approve, apply and undo batches of changes' },
  { path: '/audit', label: 'Audit', icon: IconShieldSearch, description: 'Findings over logins and access changes' },
  { path: '/reviews', label: 'Reviews', icon: IconChecklist, description: 'Access review campaigns' },
  { path: '/settings', label: 'Settings', icon: IconSettings, description: 'Theme and SmartSimple instances' },
].map((item, index) => ({ ...item, hotkey: String(index + 1) }));

export const ALL_NAV_ITEMS: readonly NavItem[] = [HOME, ...SCREENS];

/** True when `location` is `item` or one of its sub-pages. */
export function isActiveNav(item: NavItem, location: string): boolean {
  if (item.path === '/') return location === '/' || location === '';
  return location === item.path || location.startsWith(`${item.path}/`);
}
