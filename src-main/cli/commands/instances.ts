/** `desk instances`: the instances this data folder knows, the active one marked. */
import type { Command } from '../command';

export const instancesCommand: Command = {
  name: 'instances',
  usage: 'instances',
  summary: 'List the instances, the active one first marked with *.',
  async run({ out, session }) {
    const instances = await session.call('instances:list');
    const { activeInstanceId } = await session.call('settings:get');
    out.result({ instances, activeInstanceId }, () =>
      instances.length === 0
        ? 'No instances yet. Connect one: desk connect --sandbox'
        : instances
            .map(
              (i) =>
                `${i.id === activeInstanceId ? '*' : ' '} ${i.name}  ${i.isSandbox ? '(sandbox)' : i.host}  ${i.id}`,
            )
            .join('\n'),
    );
  },
};
