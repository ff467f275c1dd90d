/** When a connection was last tested, as an administrator reads it: "3 min. ago (25 Nov, 18:11)". */
import { ago } from '../../lib/format';

const ABSOLUTE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export function whenTested(iso: string, now = Date.now()): string {
  return `${ago(iso, now)} (${ABSOLUTE.format(new Date(iso))})`;
}
