import type { Migration } from './index';

/**
 * Four-eyes approval: why an operation was approved (required for a privileged one), and, when a
 * second administrator approved it, who recorded their approval on this computer.
 */
export const m0007ApprovalReasons: Migration = {
  version: 7,
  name: 'approval-reasons',
  up(db) {
    db.exec(`
      ALTER TABLE plan_operations ADD COLUMN approval_reason TEXT CHECK (approval_reason IS NULL OR length(approval_reason) <= 500);
      ALTER TABLE plan_operations ADD COLUMN approval_recorded_by TEXT;
    `);
  },
};
