import type { Migration } from './index';

/**
 * Why each operation a lifecycle template put in a plan is there: the template, its step (a
 * roster row, a transfer) and the reason with its figure ("9 of 12 peers hold it"). Kept beside
 * the operation (deleted with it) so the plan can say it after a restart.
 */
export const m0020LifecycleTemplates: Migration = {
  version: 20,
  name: 'lifecycle-templates',
  up(db) {
    db.exec(`
      CREATE TABLE lifecycle_operation_reasons (
        operation_id INTEGER PRIMARY KEY REFERENCES plan_operations(id) ON DELETE CASCADE,
        plan_id TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        template TEXT NOT NULL CHECK (template IN ('roster', 'mover', 'offboard')),
        step TEXT NOT NULL,
        reason TEXT NOT NULL
      ) STRICT;
      CREATE INDEX lifecycle_operation_reasons_plan ON lifecycle_operation_reasons(plan_id);
    `);
  },
};
