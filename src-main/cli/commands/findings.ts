/**
 * `desk findings [--kind K,K] [--status S,S] [--all] [--min-score X] [--limit N] [--now ISO] [--no-scan]`
 * and `desk risk [--top N]`: the detectors' findings and the risk scores of an instance. Both
 * first bring the findings up to date with the mirror (a scan of what changed, progress on
 * stderr) unless `--no-scan`. --json prints {instance, scan, total, byKind, findings: [{id, kind,
 * personId, personName, score, status, reason, numbers, evidence, ...}]}.
 */
import type { FindingKind, FindingRow, FindingStatus, JobInfo } from '../../../src-preload/contract';
import { FINDING_KINDS, FINDING_KIND_LABELS, FINDING_STATUSES } from '../../../src-preload/contract';
import type { Command, CommandInput } from '../command';
import { usageError } from '../output';
import { resolveInstance } from './instance-arg';

function listOf<T extends string>(raw: unknown, allowed: readonly T[], flag: string): T[] | undefined {
  if (raw === undefined) return undefined;
  const values = String(raw)
    .split(',')
    .map((v) => v.trim().replace(/-/g, '_'))
    .filter(Boolean);
  const bad = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (bad.length > 0) throw usageError(`--${flag} takes ${allowed.join(', ')} (not ${bad.join(', ')}).`);
  return values as T[];
}

function asOfOption(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (Number.isNaN(Date.parse(String(raw)))) throw usageError('--now takes an ISO time, e.g. 2026-11-20T12:00:00Z.');
  return new Date(String(raw)).toISOString();
}

/** Brings the findings up to date with the mirror (or judges them as of `now`), progress on stderr. */
export async function scanIfNeeded(input: CommandInput, instanceId: string, now: string | undefined): Promise<void> {
  const { session, out, values } = input;
  if (values['no-scan']) return;
  const status = await session.call('investigate:status', { instanceId });
  if (!status.stale && !now && !status.runningJobId) return;
  const backend = await session.backend();
  const stop = backend.onEvent((event, payload) => {
    const job = payload as JobInfo;
    if (event === 'job:progress' && job.kind === 'scan' && job.message) out.progress(job.message);
  });
  try {
    if (status.runningJobId) await backend.services.jobs.wait(status.runningJobId);
    if (status.stale || now) await backend.services.investigate.scanAndWait(instanceId, 'auto', now);
  } finally {
    stop();
  }
}

async function allFindings(
  input: CommandInput,
  query: Record<string, unknown>,
): Promise<{ total: number; rows: FindingRow[] }> {
  const rows: FindingRow[] = [];
  const limit = query.limit as number | undefined;
  for (let offset = 0; ; offset += 5000) {
    const page = await input.session.call('investigate:findings', {
      ...(query as { instanceId: string }),
      withEvidence: true,
      offset,
      limit: Math.min(5000, limit === undefined ? 5000 : limit - rows.length),
    });
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= page.total || (limit !== undefined && rows.length >= limit))
      return { total: page.total, rows };
  }
}

const line = (f: FindingRow) =>
  `${f.score.toFixed(2)}  ${FINDING_KIND_LABELS[f.kind].padEnd(38)} ${f.personName} (${f.personId})${f.status === 'open' ? '' : ` [${f.status}]`}\n      ${f.reason}`;

export const findingsCommand: Command = {
  name: 'findings',
  usage:
    'findings [--instance ID|NAME] [--kind K,K] [--status S,S] [--all] [--min-score X] [--limit N] [--now ISO-TIME] [--no-scan]',
  summary: "The detectors' findings (scans what changed first), highest score first.",
  options: {
    instance: { type: 'string' },
    kind: { type: 'string' },
    status: { type: 'string' },
    all: { type: 'boolean' },
    'min-score': { type: 'string' },
    limit: { type: 'string' },
    now: { type: 'string' },
    'no-scan': { type: 'boolean' },
  },
  async run(input) {
    const { values, out, session } = input;
    const kinds = listOf<FindingKind>(values.kind, FINDING_KINDS, 'kind');
    const statuses = listOf<FindingStatus>(values.status, FINDING_STATUSES, 'status');
    const minScore = values['min-score'] === undefined ? undefined : Number(values['min-score']);
    if (minScore !== undefined && !(minScore >= 0 && minScore <= 1)) throw usageError('--min-score takes 0 to 1.');
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
      throw usageError('--limit takes a whole number.');
    const now = asOfOption(values.now);
    const instance = await resolveInstance(session, values.instance as string | undefined);
    await scanIfNeeded(input, instance.id, now);
    const query = {
      instanceId: instance.id,
      ...(kinds ? { kinds } : {}),
      ...(statuses ? { statuses } : {}),
      ...(minScore !== undefined ? { minScore } : {}),
      ...(values.all ? { detected: 'all' as const } : {}),
      ...(limit !== undefined ? { limit } : {}),
    };
    const { total, rows } = await allFindings(input, query);
    const counts = await session.call('investigate:findings', { instanceId: instance.id, limit: 1 });
    const findings = rows.map((f) => ({ ...f, person: { id: f.personId, name: f.personName } }));
    out.result({ instance, scan: counts.scan.lastScan, total, byKind: counts.byKind, findings }, () =>
      [
        `${total.toLocaleString('en-US')} finding${total === 1 ? '' : 's'} on ${instance.name}` +
          (counts.scan.lastScan ? ` (as of ${counts.scan.lastScan.asOf} UTC)` : '') +
          (rows.length < total ? `; the first ${rows.length}:` : ':'),
        ...rows.map(line),
      ].join('\n'),
    );
  },
};

export const riskCommand: Command = {
  name: 'risk',
  usage: 'risk [--instance ID|NAME] [--top N] [--now ISO-TIME] [--no-scan]',
  summary: 'Risk scores: the distribution and the top people, every contribution with its points.',
  options: {
    instance: { type: 'string' },
    top: { type: 'string' },
    now: { type: 'string' },
    'no-scan': { type: 'boolean' },
  },
  async run(input) {
    const { values, out, session } = input;
    const top = values.top === undefined ? 20 : Number(values.top);
    if (!(Number.isInteger(top) && top >= 1 && top <= 500))
      throw usageError('--top takes a whole number from 1 to 500.');
    const now = asOfOption(values.now);
    const instance = await resolveInstance(session, values.instance as string | undefined);
    await scanIfNeeded(input, instance.id, now);
    const risk = await session.call('investigate:risk', { instanceId: instance.id, top });
    out.result({ instance, ...risk }, () =>
      [
        `Risk on ${instance.name}: ${risk.scored.toLocaleString('en-US')} of ${risk.people.toLocaleString('en-US')} people score above zero.`,
        ...risk.distribution.map((d) => `  ${d.band.padStart(7)}  ${d.people.toLocaleString('en-US')}`),
        'Top:',
        ...risk.top.map(
          (p) =>
            `${String(p.score).padStart(5)}  ${p.name} (${p.personId})\n` +
            p.contributions.map((c) => `         +${c.points} ${c.label}: ${c.detail}`).join('\n'),
        ),
      ].join('\n'),
    );
  },
};
