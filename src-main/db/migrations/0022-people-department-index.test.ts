import { describe, expect, it } from 'vitest';
import { DEPARTMENTS_SQL, listDepartments } from '../../mirror/people-store';
import { beforeMigration } from './test-support/before-migration';
import { m0022PeopleDepartmentIndex } from './0022-people-department-index';

describe('migration people-department-index', () => {
  it('lists the departments through an index of the live people, without reading their rows', () => {
    const db = beforeMigration(m0022PeopleDepartmentIndex);
    const person = db.prepare(
      "INSERT INTO mirror_people (key, instance_id, id, department, deleted_at) VALUES (?, 'i1', ?, ?, ?)",
    );
    person.run(1, 1, 'Finance', null);
    person.run(2, 2, 'Finance', null);
    person.run(3, 3, 'grants', null);
    person.run(4, 4, 'Audit', '2026-01-01 00:00:00');
    person.run(5, 5, ' ', null);
    const plan = () =>
      (db.prepare(`EXPLAIN QUERY PLAN ${DEPARTMENTS_SQL}`).all('i1') as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
    expect(plan()).not.toMatch(/mirror_people_department/);

    m0022PeopleDepartmentIndex.up(db);
    expect(plan()).toMatch(/USING (COVERING )?INDEX mirror_people_department/);
    expect(listDepartments(db, 'i1')).toEqual([
      { name: 'Finance', people: 2 },
      { name: 'grants', people: 1 },
    ]);
  });
});
