/**
 * The harness bridge over real loopback WebSockets: hostile calls get a clear VALIDATION error and
 * change nothing; a wrong secret or a foreign origin cannot connect.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from './server';

let harness: Harness;
let root: string;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-harness-'));
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body>test page</body></html>');
  fs.writeFileSync(path.join(root, 'bridge.js'), '/* bridge */');
  harness = await startHarness({
    dataDir: path.join(root, 'data'),
    rendererDir,
    bridgeFile: path.join(root, 'bridge.js'),
  });
});
afterAll(async () => {
  await harness.close();
  fs.rmSync(root, { recursive: true, force: true });
});

function connect(secret = harness.secret, origin = harness.origin): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${new URL(harness.origin).host}/bridge?secret=${secret}`, {
      origin,
      maxPayload: 64 * 1024 * 1024,
    });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

let nextId = 1;
function call(
  ws: WebSocket,
  channel: unknown,
  input?: unknown,
): Promise<{ ok: boolean; data?: unknown; error?: { code: string; message: string } }> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const msg = JSON.parse(data.toString());
      if (msg.id === id) {
        ws.off('message', onMessage);
        resolve(msg.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, input }));
  });
}

const validInstance = {
  name: 'Production',
  host: 'https://acme.smartsimple.com',
  alias: 'acme',
  rootCompanyId: '825646',
  apiVersion: 1,
};

describe('the harness bridge', () => {
  it('serves the page with the bridge script injected and the CSP header', async () => {
    const res = await fetch(harness.url);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<script src="./__harness/bridge.js"></script>');
    expect((await fetch(`${harness.origin}/../../etc/passwd`)).status).toBe(404);
  });

  it('refuses a connection without the per-run secret or from another origin', async () => {
    await expect(connect('wrong-secret')).rejects.toThrow(/403/);
    await expect(connect(harness.secret, 'http://evil.example')).rejects.toThrow(/403/);
  });

  it('answers a valid call and creates an instance', async () => {
    const ws = await connect();
    const created = await call(ws, 'instances:create', validInstance);
    expect(created.ok).toBe(true);
    const list = await call(ws, 'instances:list');
    expect((list.data as { name: string }[]).map((i) => i.name)).toEqual(['Production']);
    ws.close();
  });

  describe('hostile calls get VALIDATION and change nothing', () => {
    const snapshot = () => harness.backend.services.db.prepare('SELECT * FROM instances ORDER BY id').all();
    const cases: [string, unknown, unknown][] = [
      ['an unknown channel', 'instances:drop', { id: 'x' }],
      ['a channel name that is not a string', 42, {}],
      ['a prototype key as channel', '__proto__', {}],
      ['wrong types', 'instances:create', { ...validInstance, apiVersion: '1', rootCompanyId: 825646 }],
      ['missing fields', 'instances:create', { name: 'Only a name' }],
      ['extra fields', 'instances:create', { ...validInstance, name: 'Other', isSandbox: true }],
      ['a non-URL host', 'instances:create', { ...validInstance, name: 'Other', host: 'javascript:alert(1)' }],
      ['an input that is not an object', 'instances:rename', 'DROP TABLE instances'],
      ['a 20 MB payload', 'instances:create', { ...validInstance, name: 'x'.repeat(20 * 1024 * 1024) }],
      ['a 20 MB payload on a no-input channel', 'app:info', { blob: 'y'.repeat(20 * 1024 * 1024) }],
    ];
    for (const [label, channel, input] of cases) {
      it(label, async () => {
        const ws = await connect();
        const before = snapshot();
        const res = await call(ws, channel, input);
        expect(res.ok).toBe(false);
        expect(res.error?.code).toBe('VALIDATION');
        expect(res.error?.message.length).toBeGreaterThan(10);
        expect(res.error?.message.length).toBeLessThan(1000);
        expect(snapshot()).toEqual(before);
        ws.close();
      });
    }

    it('a message that is not JSON', async () => {
      const ws = await connect();
      const reply = new Promise<{ result: { ok: boolean; error: { code: string } } }>((resolve) =>
        ws.once('message', (d) => resolve(JSON.parse(d.toString()))),
      );
      ws.send('{not json');
      expect((await reply).result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      ws.close();
    });
  });

  it('pushes data-changed events to connected pages', async () => {
    const ws = await connect();
    const event = new Promise<unknown>((resolve) =>
      ws.on('message', (d) => {
        const msg = JSON.parse(d.toString());
        if (msg.event === 'data:changed') resolve(msg.payload);
      }),
    );
    await call(ws, 'settings:update', { theme: 'dark' });
    expect(await event).toEqual({ tables: ['settings', 'audit'] });
    ws.close();
  });
});
