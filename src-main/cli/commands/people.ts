/** `desk people search TEXT [--instance ID] [--limit N]`: the People search, offline, over the mirror. */
import type { Command } from '../command';
import { usageError } from '../output';
import { resolveInstance } from './instance-arg';

export const peopleCommand: Command = {
  name: 'people',
  usage: 'people search TEXT [--instance ID|NAME] [--limit N]',
  summary: 'Search the mirrored people by name, e-mail or organization.',
  options: { instance: { type: 'string' }, limit: { type: 'string' } },
  async run({ positionals, values, out, session }) {
    const [verb, ...words] = positionals;
    if (verb !== 'search') throw usageError('Usage: desk people search TEXT');
    const limit = values.limit === undefined ? 20 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw usageError('--limit takes 1 to 1000.');
    const instance = await resolveInstance(session, values.instance as string | undefined);
    const found = await session.call('people:search', { instanceId: instance.id, query: words.join(' '), limit });
    out.result(found, () =>
      [
        `${found.total.toLocaleString('en-US')} people match${found.total > found.rows.length ? ` (first ${found.rows.length})` : ''}.`,
        ...found.rows.map((p) => `${p.id}  ${p.firstName} ${p.lastName}  <${p.email}>  ${p.organization ?? ''}`),
      ].join('\n'),
    );
  },
};
