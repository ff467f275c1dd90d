/**
 * A fake `electron` module (a named mock: the Electron binary cannot run on these machines). It
 * records what the shell asks of Electron so a test can assert on windows, webPreferences, IPC
 * handler registrations and security hooks.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: unknown[][] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]) {
    this.sent.push(args);
  }
  /** Emits like Electron: returns whether a listener prevented the default. */
  simulate(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true) };
    this.emit(event, e, ...args);
    return prevented;
  }
}

export interface FakeElectronOptions {
  singleInstanceLock?: boolean;
  /** The button index dialog.showMessageBoxSync answers with (default 0, the first). */
  messageBoxResponse?: number;
}

export function createFakeElectron(options: FakeElectronOptions = {}) {
  const recorded = createRecorded<FakeBrowserWindow>();
  const appEvents = new EventEmitter();

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows = () => recorded.windows;
    readonly webContents = new FakeWebContents();
    loaded: string | null = null;
    constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
      super();
      recorded.windows.push(this);
      // Electron fires web-contents-created for every new contents.
      appEvents.emit('web-contents-created', {}, this.webContents);
    }
    loadFile(file: string) {
      this.loaded = file;
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
    show() {}
    focus() {}
    restore() {}
    isMinimized() {
      return false;
    }
    isDestroyed() {
      return false;
    }
  }

  const app = createFakeApp(recorded, appEvents, options);
  const { dialog, ipcMain, session, Menu, shell } = createFakeServices(recorded, options);
  return {
    module: { app, BrowserWindow: FakeBrowserWindow, dialog, ipcMain, session, Menu, shell },
    recorded,
    appEvents,
  };
}

/** What the shell asked of the fake, for the test to assert on; `W` is the fake window class. */
function createRecorded<W>() {
  return {
    windows: [] as W[],
    handlers: new Map<string, Listener>(),
    setPath: [] as [string, string][],
    quitCalls: 0,
    exitCalls: [] as number[],
    menuTemplate: null as unknown,
    permissionHandler: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
    headersHandler: null as
      null | ((details: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void),
    openedExternally: [] as string[],
    messageBoxes: [] as Record<string, unknown>[],
    errorBoxes: [] as [string, string][],
  };
}

type Recorded = ReturnType<typeof createRecorded<unknown>>;

function createFakeApp(recorded: Recorded, appEvents: EventEmitter, options: FakeElectronOptions) {
  const paths = new Map<string, string>([['userData', '/nonexistent/default-user-data']]);
  return {
    setPath: (name: string, value: string) => {
      recorded.setPath.push([name, value]);
      paths.set(name, value);
    },
    getPath: (name: string) => paths.get(name) ?? `/nonexistent/${name}`,
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: () => options.singleInstanceLock ?? true,
    on: (event: string, listener: Listener) => appEvents.on(event, listener),
    quit: () => {
      recorded.quitCalls++;
    },
    exit: (code: number) => {
      recorded.exitCalls.push(code);
    },
  };
}

/** dialog, ipcMain, session, Menu and shell: each only records what it is given. */
function createFakeServices(recorded: Recorded, options: FakeElectronOptions) {
  const ipcMain = {
    handle: (channel: string, listener: Listener) => {
      if (recorded.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      recorded.handlers.set(channel, listener);
    },
  };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof recorded.permissionHandler) => {
        recorded.permissionHandler = h;
      },
      webRequest: {
        onHeadersReceived: (h: typeof recorded.headersHandler) => {
          recorded.headersHandler = h;
        },
      },
    },
  };
  const Menu = {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => {
      recorded.menuTemplate = menu;
    },
  };
  const shell = {
    openExternal: (url: string) => {
      recorded.openedExternally.push(url);
      return Promise.resolve();
    },
  };
  const dialog = {
    showMessageBoxSync: (opts: Record<string, unknown>) => {
      recorded.messageBoxes.push(opts);
      return options.messageBoxResponse ?? 0;
    },
    showErrorBox: (title: string, content: string) => {
      recorded.errorBoxes.push([title, content]);
    },
  };
  return { dialog, ipcMain, session, Menu, shell };
}
