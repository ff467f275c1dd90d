/** Which instance a command works on: `--instance` (id or name), else the active one. */
import type { Session } from '../session';
import { CliError } from '../output';

export async function resolveInstance(session: Session, given?: string): Promise<{ id: string; name: string }> {
  const instances = await session.call('instances:list');
  if (given) {
    const found = instances.find((i) => i.id === given || i.name.toLowerCase() === given.toLowerCase());
    if (!found)
      throw new CliError(`No instance "${given}". Known: ${instances.map((i) => i.name).join(', ') || 'none'}.`);
    return found;
  }
  const { activeInstanceId } = await session.call('settings:get');
  const active = instances.find((i) => i.id === activeInstanceId) ?? instances[0];
  if (!active) throw new CliError('No instance yet. Connect one first: desk connect --sandbox');
  return active;
}
