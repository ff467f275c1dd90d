/** Every `desk` command, in the order `desk --help` lists them. */
import type { Command } from '../command';
import { askCommand } from './ask';
import { connectCommand } from './connect';
import { findingsCommand, riskCommand } from './findings';
import { instancesCommand } from './instances';
import { intakeCommand } from './intake';
import { licensesCommand } from './licenses';
import { peopleCommand } from './people';
import { planCommand } from './plan-describe';
import { matchCommand } from './match';
import { proposeCommand } from './propose';
import { reviewCommand } from './review';
import { dedupeCommand, linkCommand } from './resolve';
import { suggestionsCommand } from './suggestions';
import { syncCommand } from './sync';
import { whyCommand } from './why';

export const COMMANDS: readonly Command[] = [
  connectCommand,
  instancesCommand,
  syncCommand,
  peopleCommand,
  dedupeCommand,
  linkCommand,
  matchCommand,
  suggestionsCommand,
  askCommand,
  planCommand,
  findingsCommand,
  riskCommand,
  intakeCommand,
  reviewCommand,
  licensesCommand,
  proposeCommand,
  whyCommand,
];
