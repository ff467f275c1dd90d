/**
 * The routes, each screen inside its own error boundary: a crash in one screen leaves the shell
 * and the other screens usable, and navigating away clears it.
 */
import { Anchor, EmptyState } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Route, Switch, useLocation } from 'wouter';
import { ErrorFallback } from '../components/error-fallback';
import { AuditScreen } from '../screens/audit/audit-screen';
import { ConnectScreen } from '../screens/connect/connect-screen';
import { HelpdeskScreen } from '../screens/helpdesk/helpdesk-screen';
import { HomeScreen } from '../screens/home/home-screen';
import { LifecycleScreen } from '../screens/lifecycle/lifecycle-screen';
import { OnboardingScreen } from '../screens/onboarding/onboarding-screen';
import { OrganizationsScreen } from '../screens/organizations/organizations-screen';
import { PeopleScreen } from '../screens/people/people-screen';
import { PersonPage } from '../screens/people/person-page';
import { PlansScreen } from '../screens/plans/plans-screen';
import { ProgramPage } from '../screens/programs/program-page';
import { ProgramsScreen } from '../screens/programs/programs-screen';
import { ReviewsScreen } from '../screens/reviews/reviews-screen';
import { RolePage } from '../screens/roles/role-page';
import { RolesScreen } from '../screens/roles/roles-screen';
import { SettingsScreen } from '../screens/settings/settings-screen';
import { ALL_NAV_ITEMS } from './nav-items';

const SCREEN_COMPONENTS: Record<string, ComponentType> = {
  '/': HomeScreen,
  '/connect': ConnectScreen,
  '/people': PeopleScreen,
  '/organizations': OrganizationsScreen,
  '/roles': RolesScreen,
  '/programs': ProgramsScreen,
  '/onboarding': OnboardingScreen,
  '/plans': PlansScreen,
  '/lifecycle': LifecycleScreen,
  '/audit': AuditScreen,
  '/helpdesk': HelpdeskScreen,
  '/reviews': ReviewsScreen,
  '/settings': SettingsScreen,
};

/** Pages under a screen, by id; the screen's nav entry stays highlighted on them. */
const DETAIL_ROUTES: { path: string; label: string; component: ComponentType }[] = [
  { path: '/connect/new', label: 'Connect', component: ConnectScreen },
  { path: '/people/:id', label: 'person', component: PersonPage },
  { path: '/organizations/:id', label: 'Organizations', component: OrganizationsScreen },
  { path: '/roles/:id', label: 'role', component: RolePage },
  { path: '/programs/:id', label: 'program', component: ProgramPage },
  { path: '/audit/:tab', label: 'Audit', component: AuditScreen },
  { path: '/audit/:tab/:id', label: 'Audit', component: AuditScreen },
];

export function AppRoutes() {
  const [location] = useLocation();
  return (
    <Switch>
      {DETAIL_ROUTES.map(({ path, label, component: Page }) => (
        <Route key={path} path={path}>
          <ErrorBoundary
            resetKeys={[location]}
            fallbackRender={(props) => <ErrorFallback {...props} what={`The ${label} page`} />}
          >
            <Page />
          </ErrorBoundary>
        </Route>
      ))}
      {ALL_NAV_ITEMS.map((item) => {
        const Screen = SCREEN_COMPONENTS[item.path] ?? NotFound;
        return (
          <Route key={item.path} path={item.path}>
            <ErrorBoundary
              resetKeys={[location]}
              fallbackRender={(props) => <ErrorFallback {...props} what={`The ${item.label} screen`} />}
            >
              <Screen />
            </ErrorBoundary>
          </Route>
        );
      })}
      <Route component={NotFound} />
    </Switch>
  );
}

function NotFound() {
  return (
    <EmptyState
      mt="xl"
      icon={<IconMapOff size={28} />}
      title="No screen at this address"
      description={
        <>
          The link may be out of date. <Anchor href="#/">Go to Home</Anchor>.
        </>
      }
    />
  );
}
