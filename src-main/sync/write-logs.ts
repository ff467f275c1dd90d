/**
 * The two audit logs into the mirror. Rows have natural keys, so a page fetched twice (the
 * overlap of an incremental sync, a page a crash left uncommitted) inserts nothing the second
 * time. A session's end, address and agent may be filled in after it was first seen: those
 * columns are updated when they differ.
 */
import type { DB } from '../db/open';
import { recordIdOf } from './entities';
import type { EntityWriter } from './write-common';
import { emptyCounts, int, text } from './write-common';

export function createAccessEventsWriter(db: DB, instanceId: string): EntityWriter {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO mirror_access_events (instance_id, event_id, user_id, action, detail, changed_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const maxId = db.prepare('SELECT max(event_id) FROM mirror_access_events WHERE instance_id = ?').pluck();
  const count = db.prepare('SELECT count(*) FROM mirror_access_events WHERE instance_id = ?').pluck();
  return {
    apply(records) {
      const counts = emptyCounts();
      for (const r of records) {
        const id = recordIdOf(r, 'eventid');
        const at = text(r, 'timestamp');
        if (id === undefined || at === null) continue;
        counts.added += insert.run(instanceId, id, int(r, 'userid') ?? 0, text(r, 'action') ?? '', text(r, 'detail'), int(r, 'changed_by'), at).changes;
      }
      return { access_events: counts };
    },
    maxId: () => (maxId.get(instanceId) as number | null) ?? 0,
    count: () => count.get(instanceId) as number,
  };
}

export function createLoginSessionsWriter(db: DB, instanceId: string): EntityWriter {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO mirror_login_sessions (instance_id, session_id, user_id, started_at, ended_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const refresh = db.prepare(
    `UPDATE mirror_login_sessions SET ended_at = ?, ip = ?, user_agent = ?
     WHERE instance_id = ? AND session_id = ? AND (ended_at IS NOT ? OR ip IS NOT ? OR user_agent IS NOT ?)`,
  );
  const maxId = db.prepare('SELECT max(session_id) FROM mirror_login_sessions WHERE instance_id = ?').pluck();
  const count = db.prepare('SELECT count(*) FROM mirror_login_sessions WHERE instance_id = ?').pluck();
  return {
    apply(records) {
      const counts = emptyCounts();
      for (const r of records) {
        const id = recordIdOf(r, 'sessionid');
        const start = text(r, 'session_start');
        if (id === undefined || start === null) continue;
        const end = text(r, 'session_end') || null;
        const ip = text(r, 'ip');
        const agent = text(r, 'user_agent');
        if (insert.run(instanceId, id, int(r, 'userid') ?? 0, start, end, ip, agent).changes > 0) counts.added++;
        else counts.changed += refresh.run(end, ip, agent, instanceId, id, end, ip, agent).changes;
      }
      return { login_sessions: counts };
    },
    maxId: () => (maxId.get(instanceId) as number | null) ?? 0,
    count: () => count.get(instanceId) as number,
  };
}
