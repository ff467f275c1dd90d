/**
 * The connection test: every function of the registry called once, cheaply, and shown working or
 * failing with the server's own message. Reads run for real (one record); write functions are
 * only probed with an empty recordset, which the server refuses after checking the token and the
 * login and before touching any record, so a test never changes the instance.
 */
import type { ConnectionTest, FunctionTestResult } from '../../src-preload/contract';
import type { StoredFunction } from './store';
import { isSmartConnectError, type SmartConnectClient } from '../smartsimple/client';

const WRITE_ACTIONS = new Set(['update', 'delete', 'associations-update']);

export async function runConnectionTest(options: {
  client: SmartConnectClient;
  functions: readonly StoredFunction[];
  tokens: ReadonlySet<string>;
  rootCompanyId: string;
  signal?: AbortSignal | undefined;
}): Promise<ConnectionTest> {
  const { client, signal } = options;
  const callsBefore = client.stats().calls;
  // Lists first: their first record gives the Get and Associations tests an id to use.
  const order = (f: StoredFunction) =>
    f.action === 'list' ? 0 : f.action === 'get' || f.action === 'associations-list' ? 2 : 1;
  const functions = [...options.functions].sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name));
  const sampleIds = new Map<string, string>([['company', options.rootCompanyId]]);
  const results: FunctionTestResult[] = [];
  let unreachable: string | null = null;

  for (const f of functions) {
    if (unreachable) break;
    const started = Date.now();
    const done = (status: FunctionTestResult['status'], message: string, serverMessage: string | null = null) =>
      results.push({ name: f.name, action: f.action, status, message, serverMessage, ms: Date.now() - started });
    if (!options.tokens.has(f.name)) {
      done('missing-token', 'No token is stored for this function. Paste it on the Connect screen.');
      continue;
    }
    try {
      const outcome = await testFunction(client, f, sampleIds, signal);
      done(outcome.status, outcome.message);
    } catch (err) {
      if (isSmartConnectError(err, 'cancelled')) throw err;
      unreachable = unreachableReason(err);
      if (unreachable) done('failed', unreachable);
      else if (isSmartConnectError(err)) done('failed', err.message, err.serverMessage ?? null);
      else done('failed', err instanceof Error ? err.message : String(err));
    }
  }
  // Results in registry order for display.
  results.sort((a, b) => a.name.localeCompare(b.name));
  return {
    testedAt: new Date().toISOString(),
    ok: !unreachable && results.every((r) => r.status === 'ok' || r.status === 'accepted'),
    calls: client.stats().calls - callsBefore,
    results,
    unreachable,
  };
}

const UNREACHABLE_CODES: Record<string, string> = {
  ECONNREFUSED: 'nothing answers at that address (the connection was refused)',
  ENOTFOUND: 'the host name is not known (check its spelling)',
  EAI_AGAIN: 'the host name could not be looked up (no DNS answer)',
  EHOSTUNREACH: 'the host cannot be reached from this network',
  ENETUNREACH: 'this computer has no route to that network',
  EADDRNOTAVAIL: 'the address is not available from this computer',
  UND_ERR_CONNECT_TIMEOUT: 'the connection attempt timed out',
};

/**
 * The server could not be reached at all (no SmartConnect answer, whatever the token): a plain
 * sentence, or null when the failure came from the server itself.
 */
export function unreachableReason(err: unknown): string | null {
  if (!isSmartConnectError(err)) return null;
  if (err.kind === 'timeout')
    return 'The server did not answer in time. Check the base URL and your network, then test again.';
  if (err.kind !== 'network') return null;
  const code = /\(([A-Z_]+)\)/.exec(err.message)?.[1];
  const why = (code && UNREACHABLE_CODES[code]) ?? 'the network connection failed';
  return `The server could not be reached: ${why}. Check the base URL and your network (VPN, proxy, firewall), then test again. Tokens and login were not checked.`;
}

type Outcome = { status: FunctionTestResult['status']; message: string };

/** Calls one function the cheapest way its action allows; a List's first record feeds `sampleIds`. */
async function testFunction(
  client: SmartConnectClient,
  f: StoredFunction,
  sampleIds: Map<string, string>,
  signal: AbortSignal | undefined,
): Promise<Outcome> {
  switch (f.action) {
    case 'list':
    case 'report-query': {
      const pages =
        f.action === 'list'
          ? client.list(f.name, { pageSize: 1, signal })
          : client.reportQuery(f.name, { pageSize: 1, signal });
      const first = (await pages.next()).value;
      await pages.return(undefined);
      const id = first?.records[0]?.recordid;
      if (f.action === 'list' && id && !sampleIds.has(f.type)) sampleIds.set(f.type, id);
      return {
        status: 'ok',
        message: `Answered: ${(first?.allcount ?? 0).toLocaleString('en')} ${f.action === 'list' ? 'records' : 'rows'}.`,
      };
    }
    case 'get': {
      const id = sampleIds.get(f.type);
      if (!id) {
        await client.probe(f.name, { signal });
        return {
          status: 'accepted',
          message: 'Token and login accepted (no record id to read; add a List function of the same type).',
        };
      }
      await client.get(f.name, id, { signal });
      return { status: 'ok', message: `Read record ${id}.` };
    }
    case 'getmeta': {
      const meta = await client.getMeta(f.name, { signal });
      return { status: 'ok', message: `Answered with ${describeMeta(meta)}.` };
    }
    case 'associations-list': {
      const id = sampleIds.get(f.type);
      if (!id) {
        await client.probe(f.name, { signal });
        return { status: 'accepted', message: 'Token and login accepted (no record to list associations of).' };
      }
      const rows = await client.associationsList(f.name, id, { signal });
      return { status: 'ok', message: `Answered: ${rows.length} association(s) on record ${id}.` };
    }
    default: {
      if (!WRITE_ACTIONS.has(f.action)) throw new Error(`unexpected action ${f.action}`);
      await client.probe(f.name, { signal });
      return { status: 'accepted', message: 'Token and login accepted. Not run: it writes.' };
    }
  }
}

function describeMeta(meta: Record<string, unknown>): string {
  if (Array.isArray(meta.records)) return `${meta.records.length} entries`;
  const keys = Object.keys(meta).filter((k) => k !== 'message');
  return keys.length ? `sections ${keys.join(', ')}` : 'an empty catalogue';
}
