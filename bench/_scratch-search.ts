import Database from 'better-sqlite3';
import { searchPeople } from '../src-main/mirror/people-store';
const db = new Database(process.env.DB ?? '/tmp/perfx/mirror-100000.sqlite', { readonly: true });
const instanceId = db.prepare('SELECT id FROM instances').pluck().get() as string;
const people = db.prepare(`SELECT p.first_name AS f, p.last_name AS l, p.email AS e, o.name AS org FROM mirror_people p
       LEFT JOIN mirror_organizations o ON o.instance_id = p.instance_id AND o.id = p.company_id
       WHERE p.instance_id = ? ORDER BY (p.id * 7919) % 100003 LIMIT ?`).all(instanceId, Number(process.env.N ?? 100)) as { f: string; l: string; e: string; org: string | null }[];
const queries: string[] = [];
for (const p of people) {
  for (let k = 1; k <= p.l.length; k++) queries.push(p.l.slice(0, k));
  queries.push(`${p.f} ${p.l}`, `${p.f} ${p.l.slice(0, 2)}`, p.e.slice(0, 6));
  const word = p.org?.split(' ')[0];
  if (word) queries.push(word);
}
for (const q of queries.slice(0, 50)) searchPeople(db, instanceId, { query: q, limit: 50 });
const res: { q: string; cpu: number; wall: number; total: number }[] = [];
for (const q of queries) {
  const c = process.cpuUsage(); const t = performance.now();
  const r = searchPeople(db, instanceId, { query: q, limit: Number(process.env.LIMIT ?? 50) });
  const wall = performance.now() - t; const cu = process.cpuUsage(c);
  res.push({ q, cpu: (cu.user + cu.system) / 1000, wall, total: r.total });
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
for (const [label, f] of [['all', () => true], ['1-2', (q: string) => q.length <= 2], ['3+', (q: string) => q.length >= 3]] as const) {
  const xs = res.filter((r) => f(r.q));
  console.log(label, xs.length, 'wall p50/p95', pct(xs.map((x) => x.wall), 50).toFixed(2), pct(xs.map((x) => x.wall), 95).toFixed(2), 'cpu p50/p95', pct(xs.map((x) => x.cpu), 50).toFixed(2), pct(xs.map((x) => x.cpu), 95).toFixed(2));
}
console.log('slowest by wall:', [...res].sort((a, b) => b.wall - a.wall).slice(0, 15).map((r) => `${JSON.stringify(r.q)} ${r.wall.toFixed(1)}ms (${r.total})`).join(', '));
