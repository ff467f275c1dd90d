/** The screens, with the active one highlighted and each one's Ctrl/Cmd shortcut shown. */
import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core';
import { useLocation } from 'wouter';
import { ALL_NAV_ITEMS, isActiveNav } from './nav-items';
import { useModKey } from './use-app-hotkeys';

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const [location] = useLocation();
  const mod = useModKey();
  return (
    <AppShell.Navbar p="xs" aria-label="Screens">
      <AppShell.Section grow component={ScrollArea}>
        <nav aria-label="Screens">
          {ALL_NAV_ITEMS.map((item) => {
            const active = isActiveNav(item, location);
            return (
              <NavLink
                key={item.path}
                // Plain hash links: they work from file:// and wouter follows hashchange.
                href={`#${item.path}`}
                label={item.label}
                leftSection={<item.icon size={18} stroke={1.6} />}
                rightSection={
                  item.hotkey && (
                    <Text size="xs" c="dimmed" aria-hidden>
                      {mod}+{item.hotkey}
                    </Text>
                  )
                }
                active={active}
                aria-current={active ? 'page' : undefined}
                data-testid={`nav-${item.label.toLowerCase()}`}
                onClick={onNavigate}
              />
            );
          })}
        </nav>
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
