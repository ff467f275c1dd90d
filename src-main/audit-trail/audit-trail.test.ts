import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type DB } from '../db/open';
import { useTempDirs } from '../test-support/temp-dir';
import { appendAudit, exportAuditTrail, listAudit, readAuditHead, verifyAuditTrail } from './index';

const tempDir = useTempDirs();

function trail(n = 5): DB {
  const { db } = openDatabase(path.join(tempDir(), 'app.sqlite'));
  for (let i = 1; i <= n; i++) {
    appendAudit(db, {
      actor: i % 2 ? 'ana' : 'bo',
      action: 'plan.edited',
      subject: `plan:p${i}`,
      instanceId: 'i1',
      details: { step: i, z: [1, { b: 2, a: 1 }] },
    });
  }
  return db;
}

/** What a determined editor does first. */
const dropGuards = (db: DB) =>
  db.exec('DROP TRIGGER audit_trail_no_update; DROP TRIGGER audit_trail_no_delete; DROP TRIGGER audit_trail_chain;');

describe('audit trail', () => {
  it('chains entries and keeps the head apart', () => {
    const db = trail();
    const result = verifyAuditTrail(db);
    expect(result).toMatchObject({ ok: true, checked: 5, problems: [] });
    expect(readAuditHead(db)).toEqual(result.last);
    const { entries, total } = listAudit(db, { limit: 2 });
    expect(total).toBe(5);
    expect(entries.map((e) => e.seq)).toEqual([5, 4]);
    expect(entries[1]?.prevHash).not.toBe(entries[0]?.prevHash);
    expect(listAudit(db, { beforeSeq: 4, subject: 'plan:p1' }).entries.map((e) => e.seq)).toEqual([1]);
    db.close();
  });

  it('refuses UPDATE, DELETE and an insert that does not extend the chain', () => {
    const db = trail();
    expect(() => db.prepare("UPDATE audit_trail SET actor = 'eve' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_trail WHERE seq = 5').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO audit_trail (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (9, 'x', 'eve', 'a', 's', '{}', 'bad', 'h')",
        )
        .run(),
    ).toThrow(/extend the chain/);
    expect(verifyAuditTrail(db).ok).toBe(true);
    db.close();
  });

  it('detects an edited entry even when the triggers were dropped', () => {
    const db = trail();
    dropGuards(db);
    db.prepare(`UPDATE audit_trail SET details = '{"step":99}' WHERE seq = 3`).run();
    const result = verifyAuditTrail(db);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'edited', seq: 3 })]);
    db.close();
  });

  it('detects a deleted entry in the middle and entries cut off the end', () => {
    const db = trail();
    dropGuards(db);
    db.prepare('DELETE FROM audit_trail WHERE seq = 2').run();
    expect(verifyAuditTrail(db).problems.map((p) => [p.kind, p.seq])).toEqual([
      ['missing', 3],
      ['broken-link', 3],
    ]);
    db.close();

    const db2 = trail();
    dropGuards(db2);
    db2.prepare('DELETE FROM audit_trail WHERE seq >= 4').run();
    expect(verifyAuditTrail(db2).problems).toEqual([expect.objectContaining({ kind: 'truncated', seq: 5 })]);
    // Without the head row the cut cannot be proven, but the verifier says the head is gone.
    db2.prepare("DELETE FROM settings WHERE key = 'auditTrail.head'").run();
    expect(verifyAuditTrail(db2).problems).toEqual([expect.objectContaining({ kind: 'head-mismatch' })]);
    db2.close();
  });

  it('exports JSON lines that carry the chain', () => {
    const db = trail(3);
    const lines = exportAuditTrail(db)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; hash: string; prevHash: string });
    expect(lines.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(lines[1]?.prevHash).toBe(lines[0]?.hash);
    expect(exportAuditTrail(db, { instanceId: 'other' })).toBe('');
    db.close();
  });
});
