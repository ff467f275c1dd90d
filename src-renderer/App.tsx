/**
 * The providers, outermost first: a last-resort error boundary, Mantine (theme, colour scheme,
 * notifications, modals), TanStack Query, main's event bridge, and the hash router (hash, so the
 * app works when loaded from file:// in Electron; a `?search` stays inside the hash).
 */
import { localStorageColorSchemeManager, MantineProvider } from '@mantine/core';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Router } from 'wouter';
import { ApiEventsProvider, createQueryClient } from './api';
import { AppLayout } from './app/app-layout';
import { useColorSchemeSync } from './app/color-scheme';
import { theme } from './app/theme';
import { useAppReady } from './app/use-app-ready';
import { useHashPathLocation } from './app/hash-location';
import { ErrorFallback } from './components/error-fallback';

// The last scheme shown, cached only to avoid a flash at start; the `theme` setting decides.
const colorSchemeManager = localStorageColorSchemeManager({ key: 'admin-desk:color-scheme' });

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <ErrorBoundary fallbackRender={(props) => <ErrorFallback {...props} what="Admin Desk" withReload />}>
        <QueryClientProvider client={queryClient}>
          <ApiEventsProvider>
            <ModalsProvider labels={{ confirm: 'Confirm', cancel: 'Cancel' }}>
              <Notifications position="bottom-right" limit={5} />
              <Router hook={useHashPathLocation}>
                <AppRoot />
              </Router>
            </ModalsProvider>
          </ApiEventsProvider>
        </QueryClientProvider>
      </ErrorBoundary>
    </MantineProvider>
  );
}

/** Inside every provider: wires the settings-driven colour scheme and the readiness signal. */
function AppRoot() {
  useColorSchemeSync();
  useAppReady();
  return <AppLayout />;
}
