/**
 * The e2e readiness signal: `body[data-app-ready]` becomes 'true' once the first settings and
 * instances have loaded (tests wait on it, never on sleeps), or 'error' if either failed, so a
 * broken start fails fast with a reason instead of timing out.
 */
import { useEffect } from 'react';
import { useInstances, useSettings } from '../hooks/use-settings';

export function useAppReady(): void {
  const settings = useSettings();
  const instances = useInstances();
  const state =
    settings.isError || instances.isError ? 'error' : settings.isSuccess && instances.isSuccess ? 'true' : null;

  useEffect(() => {
    if (state) document.body.dataset.appReady = state;
    else delete document.body.dataset.appReady;
  }, [state]);
}
