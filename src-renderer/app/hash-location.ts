/**
 * The router's location, kept whole in the hash: `#/plans?plan=<id>` is the path `/plans` with the
 * search `plan=<id>`. wouter's own hash hook treats `?plan=` as part of the path (so `/plans` does
 * not match), and its navigate moves a search into the page's real query string, where the browser
 * harness keeps its secret: here both the path and the search stay after the `#`.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) addEventListener('hashchange', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) removeEventListener('hashchange', notify);
  };
}

/** `#/plans?plan=7` -> ['/plans', 'plan=7']; a leading '#' and '/' are optional. */
export function splitHash(hash: string): [path: string, search: string] {
  const rest = hash.replace(/^#?\/?/, '');
  const q = rest.indexOf('?');
  return q < 0 ? [`/${rest}`, ''] : [`/${rest.slice(0, q)}`, rest.slice(q + 1)];
}

const currentPath = () => splitHash(location.hash)[0];
const currentSearch = () => splitHash(location.hash)[1];

/** Goes to `to` (a path with an optional `?search`), all of it in the hash. */
export function navigateInHash(
  to: string,
  { replace = false, state = null }: { replace?: boolean; state?: unknown } = {},
) {
  const oldURL = location.href;
  const url = new URL(oldURL);
  url.hash = `/${to.replace(/^#?\/?/, '')}`;
  if (url.href === oldURL) return;
  history[replace ? 'replaceState' : 'pushState'](state, '', url.href);
  dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: url.href }));
}

/** The router hook: the path without the search, and navigate. */
export function useHashPathLocation(): [string, typeof navigateInHash] {
  return [useSyncExternalStore(subscribe, currentPath, () => '/'), navigateInHash];
}
useHashPathLocation.hrefs = (href: string) => `#${href}`;

/** The router's search hook: what follows `?` in the hash. */
export function useHashSearch(): string {
  return useSyncExternalStore(subscribe, currentSearch, () => '');
}
useHashPathLocation.searchHook = useHashSearch;
