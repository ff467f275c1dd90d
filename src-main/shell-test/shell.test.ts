/**
 * Loads the real Electron shell (src-main/index.ts) with a fake `electron` module and checks the
 * security contract: every channel registered, the webPreferences, navigation and new windows
 * denied, the CSP header, and the sender of each call checked.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../src-preload/contract';
import { CONTENT_SECURITY_POLICY } from '../security';
import { createFakeElectron, type FakeWebContents } from './fake-electron';
import type * as ShellModule from '../index';

const fake = createFakeElectron();
vi.mock('electron', () => fake.module);

const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-shell-'));
let shell: typeof ShellModule;

beforeAll(async () => {
  process.env.ADMIN_DESK_USER_DATA = userData;
  shell = await import('../index');
  await vi.waitFor(() => expect(fake.recorded.windows.length).toBe(1), { timeout: 10_000 });
});
afterAll(() => {
  delete process.env.ADMIN_DESK_USER_DATA;
  fs.rmSync(userData, { recursive: true, force: true });
});

const win = () => fake.recorded.windows[0]!;
const appUrl = () => new URL(`file://${win().loaded}`).href;

function callAs(channel: string, sender: FakeWebContents | { id: number }, frameUrl: string, input?: unknown) {
  const handler = fake.recorded.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ sender, senderFrame: { url: frameUrl } }, input) as Promise<{
    ok: boolean;
    data?: unknown;
    error?: { code: string };
  }>;
}

describe('the Electron shell', () => {
  it('uses the user-data folder from the environment', () => {
    expect(fake.recorded.setPath).toContainEqual(['userData', path.resolve(userData)]);
    expect(fs.existsSync(path.join(userData, 'admin-desk.sqlite'))).toBe(true);
  });

  it('registers exactly the contract channels with ipcMain.handle', () => {
    expect([...fake.recorded.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('opens one window with context isolation, sandbox and no node integration', () => {
    expect(fake.recorded.windows).toHaveLength(1);
    const prefs = win().options.webPreferences;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.webviewTag).toBe(false);
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(String(win().loaded)).toMatch(/renderer[/\\]index\.html$/);
  });

  it('denies new windows and opens only https links externally', () => {
    const handler = win().webContents.windowOpenHandler!;
    expect(handler({ url: 'https://example.org/help' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.recorded.openedExternally).toEqual(['https://example.org/help']);
  });

  it('blocks navigation and redirects outside the app', () => {
    const contents = win().webContents;
    expect(contents.simulate('will-navigate', 'https://evil.example/phish')).toBe(true);
    expect(contents.simulate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.simulate('will-redirect', 'http://127.0.0.1:9/x')).toBe(true);
    expect(contents.simulate('will-navigate', `${appUrl()}#/settings`)).toBe(false);
    expect(contents.simulate('will-attach-webview')).toBe(true);
    expect(shell.isAppUrl('https://evil.example')).toBe(false);
  });

  it('sends the strict Content-Security-Policy header and denies permission requests', () => {
    let headers: Record<string, string[]> = {};
    fake.recorded.headersHandler!({ responseHeaders: { 'X-Other': ['1'] } }, (r) => {
      headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders;
    });
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(headers['X-Other']).toEqual(['1']);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    let granted: boolean | null = null;
    fake.recorded.permissionHandler!({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
  });

  it('answers calls from its own window and refuses every other sender', async () => {
    const own = win().webContents;
    const ok = await callAs('app:info', own, appUrl());
    expect(ok.ok).toBe(true);
    expect((ok.data as { shell: string }).shell).toBe('electron');

    const stranger = await callAs('app:info', { id: own.id + 1000 }, appUrl());
    expect(stranger).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const foreignFrame = await callAs('app:info', own, 'https://evil.example/');
    expect(foreignFrame).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('validates input in main before a handler runs', async () => {
    const res = await callAs('instances:create', win().webContents, appUrl(), { name: 42 });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('pushes data-changed events to the window', async () => {
    const own = win().webContents;
    own.sent = [];
    await callAs('settings:update', own, appUrl(), { theme: 'dark' });
    expect(own.sent).toContainEqual(['api:event', 'data:changed', { tables: ['settings', 'audit'] }]);
  });

  it('installs an application menu', () => {
    const labels = (fake.recorded.menuTemplate as { label?: string; role?: string }[]).map((m) => m.label ?? m.role);
    expect(labels).toEqual(expect.arrayContaining(['File', 'View', 'editMenu', 'help']));
  });
});
