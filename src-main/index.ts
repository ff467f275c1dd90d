/**
 * The Electron shell, and only that: one window with context isolation, sandbox and no node
 * integration, a strict CSP, window.open denied, navigation outside the app blocked, a
 * single-instance lock, the application menu, and IPC wired to the backend by iterating the
 * contract, and the dialogs when the backend cannot start (a damaged database starts anew only on
 * the administrator's word). Everything else lives in the backend, which runs under plain Node.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  session,
  shell,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import { CHANNEL_NAMES, IPC_EVENT } from '../src-preload/contract';
import { createBackend, type Backend } from './backend/backend';
import { isDamagedDatabaseError } from './db/damage';
import { buildMenuTemplate } from './menu';
import { CONTENT_SECURITY_POLICY } from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Tests and parallel profiles point the user-data folder elsewhere. */
export const USER_DATA_ENV = 'ADMIN_DESK_USER_DATA';
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = path.join(here, '../renderer/index.html');
const rendererUrl = devServerUrl ?? new URL(`file://${rendererFile}`).href;

if (process.env[USER_DATA_ENV]) app.setPath('userData', path.resolve(process.env[USER_DATA_ENV]));

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

/** Is `url` the app itself (the built index.html, or the dev server in development)? */
export function isAppUrl(url: string): boolean {
  try {
    const target = new URL(url);
    if (devServerUrl) return target.origin === new URL(devServerUrl).origin;
    return target.protocol === 'file:' && decodeURIComponent(target.pathname) === new URL(rendererUrl).pathname;
  } catch {
    return false;
  }
}

/** Only our own window, showing our own page, may call main. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  if (!mainWindow || event.sender.id !== mainWindow.webContents.id) return false;
  const frameUrl = event.senderFrame?.url;
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the web open in the browser, never inside the app.
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'SmartSimple Admin Desk',
    webPreferences: {
      preload: path.join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void (devServerUrl ? win.loadURL(devServerUrl) : win.loadFile(rendererFile));
  return win;
}

function wireIpc(b: Backend): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        b.services.logger.warn('refused a call from an untrusted sender', { channel, url: event.senderFrame?.url });
        return {
          ok: false,
          error: { code: 'FORBIDDEN', message: 'This call did not come from the Admin Desk window.' },
        };
      }
      return b.invoke(channel, input, { origin: 'renderer' });
    });
  }
  b.onEvent((name, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(IPC_EVENT, name, payload);
  });
}

/** The backend; a damaged database is moved aside for a new one only if the administrator says so. */
async function openBackend(): Promise<Backend | null> {
  const dataDir = app.getPath('userData');
  try {
    return await createBackend({ dataDir, shell: 'electron' });
  } catch (err) {
    if (!isDamagedDatabaseError(err)) throw err;
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: 'Admin Desk: the database is damaged',
      message: 'The Admin Desk database is damaged and cannot be opened.',
      detail: err.message,
      buttons: ['Start with a new database', 'Quit'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (choice !== 0) return null;
    return createBackend({ dataDir, shell: 'electron', onDamagedDatabase: 'start-new' });
  }
}

async function start(): Promise<void> {
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  backend = await openBackend();
  if (!backend) return app.exit(1);
  wireIpc(backend);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(buildMenuTemplate({ isMac: process.platform === 'darwin', isDev: !!devServerUrl })),
  );
  mainWindow = createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let quitting = false;
  app.on('will-quit', (event) => {
    if (quitting || !backend) return;
    // Let running jobs stop at a safe point and the database close cleanly.
    event.preventDefault();
    quitting = true;
    void backend.close().finally(() => app.quit());
  });
  start().catch((err: unknown) => {
    console.error('Admin Desk could not start:', err);
    // Say why, in a window: the console is not where an administrator looks.
    const message = err instanceof Error ? err.message : String(err);
    dialog.showErrorBox('Admin Desk could not start', message);
    app.exit(1);
  });
}
