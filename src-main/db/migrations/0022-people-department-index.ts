import type { Migration } from './index';

/**
 * The live people by department (`mirror_people_department`): the departments list with head
 * counts (`departments:list`, for the plan builders and the review campaign form) read every live
 * person's row through the name index, 0.3-0.4 s on the main process at 100,000 people; through
 * this index it reads one narrow entry per person in department order, about 10 ms. A first full
 * sync defers it with the people's other indexes and builds it back at the end (sync/index-store.ts).
 */
export const m0022PeopleDepartmentIndex: Migration = {
  version: 22,
  name: 'people-department-index',
  up(db) {
    db.exec('CREATE INDEX mirror_people_department ON mirror_people(instance_id, department) WHERE deleted_at IS NULL');
  },
};
