/** Words and colours the findings screens share. */
import type { FindingRow, FindingStatus } from '../../../../src-preload/contract';

export const STATUS_LABEL: Record<FindingStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  dismissed: 'Dismissed',
  remediated: 'Remediated',
};

export const STATUS_COLOR: Record<FindingStatus, string> = {
  open: 'orange',
  acknowledged: 'blue',
  dismissed: 'gray',
  remediated: 'teal',
};

/** Red from 0.8, orange from 0.6, yellow below. */
export const scoreColor = (score: number): string => (score >= 0.8 ? 'red' : score >= 0.6 ? 'orange' : 'yellow');

/** "Remediated by plan Deactivate Ana Rivera" / "Plan ... (draft)". */
export function planText(f: Pick<FindingRow, 'plan' | 'status'>): string | null {
  if (!f.plan) return null;
  return f.status === 'remediated'
    ? `Remediated by plan “${f.plan.title}”`
    : `Plan “${f.plan.title}” (${f.plan.state.replace('_', ' ')})`;
}

/** A SmartSimple date without seconds, "UTC" added: the mirror's clock. */
export const utc = (wire: string | null): string => (wire ? `${wire.slice(0, 16)} UTC` : '');

export const percentOf = (share: number): string => `${Math.round(share * 100)}%`;
