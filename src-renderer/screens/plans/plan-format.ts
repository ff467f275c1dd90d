/** Labels, colors and small helpers shared by the Plans screen's parts. */
import type { JournalState, PlanState, Risk } from '../../../src-preload/contract';

export const STATE_LABEL: Record<PlanState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  applying: 'Applying',
  applied: 'Applied',
  partially_applied: 'Partially applied',
  failed: 'Failed',
  discarded: 'Discarded',
};
export const STATE_COLOR: Record<PlanState, string> = {
  draft: 'gray',
  in_review: 'blue',
  approved: 'teal',
  applying: 'violet',
  applied: 'green',
  partially_applied: 'orange',
  failed: 'red',
  discarded: 'gray',
};
export const RISK_COLOR: Record<Risk, string> = { low: 'gray', medium: 'yellow', high: 'red' };

export const RESULT_LABEL: Record<JournalState, string> = {
  pending: 'Pending',
  sending: 'Sending',
  sent: 'Sent, not verified yet',
  unknown: 'Outcome unknown (will be read back)',
  verified: 'Applied and verified',
  failed: 'Failed',
  skipped_drift: 'Skipped: changed on the server',
};
export const RESULT_COLOR: Record<JournalState, string> = {
  pending: 'gray',
  sending: 'blue',
  sent: 'blue',
  unknown: 'yellow',
  verified: 'green',
  failed: 'red',
  skipped_drift: 'orange',
};

/** The plan's highest risk, from its per-risk counts. */
export function topRisk(byRisk: Record<Risk, number>): Risk {
  return byRisk.high > 0 ? 'high' : byRisk.medium > 0 ? 'medium' : 'low';
}

export { downloadText } from '../../lib/download';

/** Profile roles travel as a comma-wrapped id list: `",14078,14090,"`. */
export const parseRoleList = (v: string | null | undefined): string[] =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** "sf_First Name" -> "First Name"; UTA keys are named by the caller. */
export const fieldLabel = (key: string): string =>
  key === 'sf_User Role' ? 'Profile roles' : key.replace(/^(sf|cf)_/, '');
