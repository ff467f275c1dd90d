/**
 * The backend a command works on: the same one the app builds, on the same data folder, opened
 * only when a command needs it (dedupe and link read files only). Calls go through the contract's
 * validation like the app's; a refused call becomes a CliError with the backend's own words.
 */
import type { ChannelName, InputOf, ResultOf } from '../../src-preload/contract';
import { createBackend, type Backend, type BackendOptions } from '../backend/backend';
import { CliError } from './output';

export interface Session {
  readonly dataDir: string;
  call<C extends ChannelName>(channel: C, input?: InputOf<C>): Promise<ResultOf<C>>;
  backend(): Promise<Backend>;
  close(): Promise<void>;
}

export function createSession(dataDir: string, options: Partial<BackendOptions> = {}): Session {
  let opened: Promise<Backend> | null = null;
  const backend = () =>
    (opened ??= createBackend({
      dataDir,
      shell: 'cli',
      consoleLog: false,
      logLevel: 'warn',
      // Scripts and tests may keep their secrets under a keychain service name of their own.
      ...(process.env.ADMIN_DESK_KEYCHAIN_SERVICE ? { keychainService: process.env.ADMIN_DESK_KEYCHAIN_SERVICE } : {}),
      ...options,
    }));
  return {
    dataDir,
    backend,
    async call(channel, input) {
      const result = await (await backend()).invoke(channel, input, { origin: 'cli' });
      if (!result.ok) throw new CliError(result.error.message);
      return result.data as ResultOf<typeof channel>;
    },
    async close() {
      if (opened) await (await opened).close();
    },
  };
}
