/**
 * The connection test against a server that is down: one clear answer in seconds (it stops at the
 * first network-level failure), advice about the address and network rather than the token, and
 * no call counted against the hourly budget, since none reached the server. A sandbox that is up
 * still counts every call.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { createMemoryBudget } from '../smartsimple/client';
import { clientOnSandbox } from '../smartsimple/sandbox/client-on-sandbox';
import { startTestSandbox } from '../smartsimple/sandbox/test-support';
import { runConnectionTest } from './connection-test';
import type { StoredFunction } from './store';

async function sandboxAndFunctions() {
  const handle = await startTestSandbox({ people: 40, seed: 2 });
  const info = handle.connection();
  const functions: StoredFunction[] = Object.entries(info.functions).map(([name, f]) => ({
    name,
    type: f.type,
    action: f.action,
    fields: f.fields,
    reportid: f.reportid ?? null,
  }));
  return { handle, info, functions, tokens: new Set(functions.map((f) => f.name)) };
}

describe('the connection test when the server is down', () => {
  it('stops at the first refused connection, says so plainly, and counts no call', async () => {
    const { handle, info, functions, tokens } = await sandboxAndFunctions();
    await handle.close(); // nothing listens on its port any more
    const budget = createMemoryBudget();
    const client = clientOnSandbox(info, { budget, logger: silentLogger, retry: { attempts: 1 } });
    const started = Date.now();
    const test = await runConnectionTest({ client, functions, tokens, rootCompanyId: info.rootCompanyId });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(functions.length).toBeGreaterThan(10);
    expect(test.results).toHaveLength(1);
    expect(test.ok).toBe(false);
    expect(test.unreachable).toMatch(/could not be reached: nothing answers at that address/);
    expect(test.unreachable).toMatch(/Check the base URL and your network/);
    expect(test.unreachable).not.toMatch(/fix the token/i);
    expect(budget.used()).toBe(0);
  });

  it('counts nothing for an unknown host name either', async () => {
    const { handle, info, functions, tokens } = await sandboxAndFunctions();
    await handle.close();
    const budget = createMemoryBudget();
    const nowhere = { ...info, url: 'https://admin-desk-no-such-host.invalid' };
    const client = clientOnSandbox(nowhere, { budget, logger: silentLogger, retry: { attempts: 1 } });
    const test = await runConnectionTest({ client, functions, tokens, rootCompanyId: info.rootCompanyId });
    expect(test.results).toHaveLength(1);
    expect(test.unreachable).toMatch(/could not be reached: the host name (is not known|could not be looked up)/);
    expect(budget.used()).toBe(0);
  });

  it('with the server up, tests every function and counts each call', async () => {
    const { handle, info, functions, tokens } = await sandboxAndFunctions();
    try {
      const budget = createMemoryBudget();
      const client = clientOnSandbox(info, { budget, logger: silentLogger });
      const test = await runConnectionTest({ client, functions, tokens, rootCompanyId: info.rootCompanyId });
      expect(test.unreachable).toBeNull();
      expect(test.results).toHaveLength(functions.length);
      expect(test.ok).toBe(true);
      expect(budget.used()).toBe(test.calls);
      expect(test.calls).toBeGreaterThanOrEqual(functions.length);
    } finally {
      await handle.close();
    }
  });
});
