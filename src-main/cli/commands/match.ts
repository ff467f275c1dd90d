/**
 * `desk match FILE.csv [--instance ID] [--id COL] [--map H=field,...]`: each row against the
 * mirror: the same person (with the candidate), possibly the same (review), or new. One JSON line
 * per row with --json.
 */
import fs from 'node:fs';
import { buildIndex, matchOne, readRecordsCsv } from '../../ai/resolve';
import { mirrorPersonRecord } from '../../ai/resolve/mirror-records';
import type { Command } from '../command';
import { usageError } from '../output';
import { resolveInstance } from './instance-arg';
import { mappingOptions } from './resolve';

export const matchCommand: Command = {
  name: 'match',
  usage: 'match FILE.csv [--instance ID|NAME] [--id COL] [--map H=field,...]',
  summary: 'Match each row of a CSV against the mirrored people: same, review or new.',
  options: { instance: { type: 'string' }, id: { type: 'string' }, map: { type: 'string' } },
  async run({ positionals, values, out, session }) {
    const file = positionals[0];
    if (!file) throw usageError('Usage: desk match FILE.csv');
    if (!fs.existsSync(file)) throw usageError(`No file ${file}.`);
    const rows = readRecordsCsv(file, mappingOptions(values)).records;
    const instance = await resolveInstance(session, values.instance as string | undefined);
    const people = (await session.backend()).services.mirror.peopleForMatching(instance.id);
    if (people.length === 0) throw usageError(`The mirror of ${instance.name} is empty: run desk sync first.`);
    out.progress(`Indexing ${people.length.toLocaleString('en-US')} people of ${instance.name}...`);
    const byId = new Map(people.map((p) => [String(p.id), p]));
    const index = buildIndex(people.map(mirrorPersonRecord));
    const counts = { same: 0, review: 0, new: 0 };
    for (const row of rows) {
      const { outcome, candidates } = matchOne(row, index, { limit: 3 });
      counts[outcome]++;
      const best = candidates[0];
      const person = best && outcome !== 'new' ? byId.get(best.id) : undefined;
      const candidate =
        person && best
          ? {
              id: person.id,
              name: `${person.firstName} ${person.lastName}`,
              email: person.email,
              confidence: best.probability,
              why: best.why,
            }
          : null;
      out.line(
        { row: row.id, outcome, candidate },
        () =>
          `${row.id}  ${outcome.padEnd(6)}  ${candidate ? `${candidate.name} <${candidate.email}> (${candidate.id}) ${(candidate.confidence * 100).toFixed(1)}%` : ''}`,
      );
    }
    out.progress(`${rows.length} rows: ${counts.same} same, ${counts.review} to review, ${counts.new} new.`);
  },
};
