/** The generator: determinism, the shape of a 30-person foundation, options, and the ground-truth file. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCESS_TYPES } from '../../protocol';
import { buildFunctions } from '../functions';
import { generateInstance } from './generate';
import { instanceDigest } from './instance-digest';
import { writeGroundTruth } from './ground-truth';

const NOW = Date.UTC(2026, 10, 1);

const digest = instanceDigest;

describe('determinism', () => {
  it('gives identical data, ground truth and tokens for the same seed', () => {
    const a = generateInstance({ seed: 42, people: 800, now: NOW });
    const b = generateInstance({ seed: 42, people: 800, now: NOW });
    expect(digest(a.data)).toBe(digest(b.data));
    expect(a.groundTruth).toEqual(b.groundTruth);
    expect(buildFunctions(42).registry).toEqual(buildFunctions(42).registry);
  });
  it('gives different data and tokens for another seed', () => {
    const a = generateInstance({ seed: 42, people: 800, now: NOW });
    const c = generateInstance({ seed: 43, people: 800, now: NOW });
    expect(digest(a.data)).not.toBe(digest(c.data));
    const tokens = (seed: number): string[] => Object.values(buildFunctions(seed).registry).map((f) => f.token);
    expect(tokens(42).filter((t) => tokens(43).includes(t))).toEqual([]);
  });
});

describe('a 30-person foundation', () => {
  const { data, groundTruth } = generateInstance({ seed: 3, people: 30, now: NOW });
  const company = new Map(data.companies.map((c) => [c.id, c]));

  it('has a root, an internal staff tree and a few grantee organizations', () => {
    expect(data.people).toHaveLength(30);
    expect(String(data.rootCompanyId)).toMatch(/^\d{6}$/);
    expect(data.companies[0]?.id).toBe(data.rootCompanyId);
    expect(data.companies.filter((c) => c.isExternal).length).toBeGreaterThanOrEqual(3);
    const departments = data.companies.filter((c) => !c.isExternal && c.parentId === data.rootCompanyId);
    expect(departments.length).toBeGreaterThanOrEqual(4);
    for (const c of data.companies.slice(1)) expect(company.get(c.parentId ?? 0)).toBeDefined();
    const ids = [...data.companies.map((c) => c.id), ...data.people.map((p) => p.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('places every person under one organization of their side, with managers inside the staff', () => {
    const staffIds = new Set(data.people.filter((p) => !p.isExternal).map((p) => p.id));
    for (const p of data.people) {
      expect(company.get(p.companyId)?.isExternal).toBe(p.isExternal);
      if (!p.isExternal) expect(p.department).toBeTruthy();
      if (p.managerId !== null) expect(staffIds.has(p.managerId)).toBe(true);
    }
    expect(data.people.filter((p) => !p.isExternal && p.managerId === null)).toHaveLength(1); // the CEO
    expect(data.people.filter((p) => p.accessType === ACCESS_TYPES.api).map((p) => p.id)).toEqual([
      data.apiAccount.personId,
    ]);
    expect(new Set(data.people.map((p) => p.email.toLowerCase())).size).toBe(30);
  });

  it('has 20 roles with the privileged and UTA-only ones, never UTA-only on a profile', () => {
    expect(data.roles).toHaveLength(20);
    const names = data.roles.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Global User Administrator',
        'Finance Approver',
        'System Administrator',
        'Payment Approver',
      ]),
    );
    expect(data.roles.filter((r) => r.utaOnly).map((r) => r.name)).toEqual([
      'Applicant',
      'Reviewer',
      'Program Manager',
    ]);
    const utaOnly = new Set(data.roles.filter((r) => r.utaOnly).map((r) => r.id));
    for (const p of data.people) expect(p.roleIds.filter((id) => utaOnly.has(id))).toEqual([]);
  });

  it('has programs with external applicants and internal reviewers and managers', () => {
    const byId = new Map(data.people.map((p) => [p.id, p]));
    const role = new Map(data.roles.map((r) => [r.id, r.name]));
    expect(data.programs.length).toBeGreaterThanOrEqual(3);
    for (const a of data.associations) {
      const external = byId.get(a.contactId)?.isExternal;
      expect(role.get(a.roleId) === 'Applicant' ? external : !external).toBe(true);
    }
  });

  it('keeps the logs inside the window and in time order', () => {
    const { sessions, accessLog } = data;
    expect(sessions.length).toBeGreaterThan(50);
    for (let r = 0; r < sessions.length; r++) {
      expect(sessions.start.get(r) * 1000).toBeGreaterThanOrEqual(data.logStart);
      expect(sessions.end.get(r)).toBeGreaterThanOrEqual(sessions.start.get(r));
      expect(sessions.end.get(r) * 1000).toBeLessThanOrEqual(NOW);
      if (r > 0) expect(sessions.start.get(r)).toBeGreaterThanOrEqual(sessions.start.get(r - 1));
    }
    expect(accessLog.length).toBeGreaterThan(10);
    expect(groundTruth.logStart < groundTruth.now).toBe(true);
  });
});

describe('options', () => {
  it('sizes the role catalogue and the login volume', () => {
    expect(generateInstance({ seed: 1, people: 200, now: NOW, roles: 300 }).data.roles).toHaveLength(300);
    const few = generateInstance({ seed: 1, people: 200, now: NOW, sessionsPerPersonPerWeek: 0.2 }).data.sessions
      .length;
    const many = generateInstance({ seed: 1, people: 200, now: NOW, sessionsPerPersonPerWeek: 2 }).data.sessions.length;
    expect(many).toBeGreaterThan(few * 4);
    const short = generateInstance({ seed: 1, people: 200, now: NOW, logMonths: 1 });
    expect(NOW - short.data.logStart).toBeLessThan(32 * 86_400_000);
  });
  it('refuses sizes outside 30..200,000 and bad options', () => {
    expect(() => generateInstance({ seed: 1, people: 10 })).toThrow(RangeError);
    expect(() => generateInstance({ seed: 1.5, people: 100 })).toThrow(RangeError);
    expect(() => generateInstance({ seed: 1, people: 100, logMonths: 0 })).toThrow(RangeError);
  });
  it('writes the ground truth as JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-gt-'));
    try {
      const { groundTruth } = generateInstance({ seed: 2, people: 30, now: NOW });
      await writeGroundTruth(join(dir, 'truth.json'), groundTruth);
      expect(JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8'))).toEqual(groundTruth);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
