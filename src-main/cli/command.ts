/**
 * A `desk` command: its name, one line of help, its options (node:util parseArgs), and what it
 * does with a session. Commands are listed in commands/index.ts; adding one is a file there.
 */
import type { ParseArgsConfig } from 'node:util';
import type { BackendOptions } from '../backend/backend';
import type { Output } from './output';
import type { Session } from './session';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CommandInput {
  positionals: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  out: Output;
  session: Session;
}

export interface Command {
  name: string;
  /** `desk <usage>` */
  usage: string;
  summary: string;
  options?: OptionSpec;
  /** Backend options the command's flags decide (opened after this is asked). */
  backendOptions?(values: CommandInput['values']): Partial<BackendOptions>;
  run(input: CommandInput): Promise<void>;
}
