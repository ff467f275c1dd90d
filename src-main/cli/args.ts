/**
 * The global options of `desk`, wherever they stand (`desk --data D sync` and `desk sync --data D`
 * alike): --data DIR, --json, --help. What is left goes to the command's own parser.
 */
import { usageError } from './output';

export interface GlobalArgs {
  dataDir: string | null;
  json: boolean;
  help: boolean;
  /** A damaged database is moved aside and a new one started (only when the administrator says so). */
  newDatabase: boolean;
  rest: string[];
}

export function splitGlobalArgs(argv: readonly string[]): GlobalArgs {
  const out: GlobalArgs = { dataDir: null, json: false, help: false, newDatabase: false, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      out.rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--json') out.json = true;
    else if (arg === '--help' || arg === '-h') out.help = true;
    else if (arg === '--new-database') out.newDatabase = true;
    else if (arg === '--data') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw usageError('--data needs a folder: --data DIR');
      out.dataDir = value;
    } else if (arg.startsWith('--data=')) out.dataDir = arg.slice('--data='.length);
    else out.rest.push(arg);
  }
  return out;
}
