/**
 * The browser harness: serves the built renderer with the real backend on 127.0.0.1 (random port)
 * so Playwright can drive Debian Chromium against the real thing. `window.api` is built by the
 * same function the preload uses, over a WebSocket that requires a per-run secret and our own
 * origin. This stands in for the Electron window, which cannot run on these machines.
 *
 * No request can stop it: every handler is guarded, every socket and the server have an 'error'
 * listener, and replies are serialized inside the guard (one that cannot be becomes an INTERNAL
 * error envelope). The harness is the app whenever `npm start` serves it in a browser.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { createBackend, type Backend, type BackendOptions } from '../../src-main/backend/backend';
import type { Logger } from '../../src-main/log/logger';
import { CONTENT_SECURITY_POLICY } from '../../src-main/security';
import { BRIDGE_FILE, RENDERER_DIR } from './paths';

export interface HarnessOptions {
  dataDir: string;
  port?: number;
  rendererDir?: string;
  bridgeFile?: string;
  /** The administrator chose to start anew: a damaged database is moved aside for a new one. */
  newDatabase?: boolean;
  backend?: Partial<BackendOptions>;
}

export interface Harness {
  /** The page to open, secret included. */
  url: string;
  origin: string;
  secret: string;
  backend: Backend;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** Large enough that a 20 MB hostile payload reaches the dispatcher and is refused there. */
const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const INTERNAL_REPLY = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The harness could not send this reply. The details are in the log.' },
} as const;

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  const bridgeFile = options.bridgeFile ?? BRIDGE_FILE;
  for (const f of [path.join(rendererDir, 'index.html'), bridgeFile]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: build first (npm run harness builds it).`);
  }
  const backend = await createBackend({
    consoleLog: false,
    ...(options.newDatabase ? { onDamagedDatabase: 'start-new' as const } : {}),
    ...options.backend,
    dataDir: options.dataDir,
    shell: 'harness',
  });
  const log = backend.services.logger.child('harness');
  const secret = crypto.randomBytes(24).toString('hex');
  const indexHtml = fs
    .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
    .replace('<head>', '<head>\n    <script src="./__harness/bridge.js"></script>');
  const files = { rendererDir, bridgeFile, indexHtml };

  const server = http.createServer((req, res) => serveFile(req, res, files, log));
  server.on('error', (err) => log.error('harness server error', { error: err }));
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on('error', (err) => log.error('harness WebSocket server error', { error: err }));
  const sockets = new Set<WebSocket>();
  let origin = '';

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // A reset during the handshake must not become an uncaught error.
    socket.on('error', (err) => log.warn('bridge socket error', { error: err }));
    try {
      if (!upgradeAllowed(req, secret, origin)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
        bridge(ws, backend, log);
      });
    } catch (err) {
      log.error('bridge upgrade failed', { error: err });
      socket.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (err: unknown) => {
    await backend.close();
    throw err;
  });
  const { port } = server.address() as { port: number };
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?harness=${secret}`,
    origin,
    secret,
    backend,
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}

interface Files {
  rendererDir: string;
  bridgeFile: string;
  indexHtml: string;
}

/** Serves the page, the bridge script and the renderer's files; nothing else, and never throws. */
function serveFile(req: http.IncomingMessage, res: http.ServerResponse, files: Files, log: Logger): void {
  const send = (status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  };
  res.on('error', (err) => log.warn('harness response error', { error: err }));
  try {
    if (req.method !== 'GET') return send(405, 'text/plain', 'Method not allowed');
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (pathname === '/' || pathname === '/index.html') return send(200, TYPES['.html']!, files.indexHtml);
    if (pathname === '/__harness/bridge.js') return send(200, TYPES['.js']!, fs.readFileSync(files.bridgeFile));
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return send(400, 'text/plain', 'Bad request');
    }
    const root = path.resolve(files.rendererDir);
    const file = path.resolve(root, '.' + decoded);
    if (
      decoded.includes('\0') ||
      !file.startsWith(root + path.sep) ||
      !fs.existsSync(file) ||
      !fs.statSync(file).isFile()
    )
      return send(404, 'text/plain', 'Not found');
    send(200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
  } catch (err) {
    log.error('harness request failed', { url: String(req.url).slice(0, 200), error: err });
    if (!res.headersSent) send(500, 'text/plain', 'Internal error');
    else res.destroy();
  }
}

function upgradeAllowed(req: http.IncomingMessage, secret: string, origin: string): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const given = Buffer.from(url.searchParams.get('secret') ?? '');
  const expected = Buffer.from(secret);
  const secretOk = given.length === expected.length && crypto.timingSafeEqual(given, expected);
  return url.pathname === '/bridge' && secretOk && req.headers.origin === origin;
}

/** One page's connection: calls in, replies and events out. */
function bridge(ws: WebSocket, backend: Backend, log: Logger): void {
  // ws emits 'error' for every protocol violation (oversized frame, bad UTF-8, unmasked, RSV
  // bits) and closes the socket itself; without a listener the process would die.
  ws.on('error', (err) => log.warn('bridge protocol error', { error: err.message }));
  const send = (text: string) => {
    if (ws.readyState === ws.OPEN) ws.send(text, (err) => err && log.warn('bridge send failed', { error: err }));
  };
  const unsubscribe = backend.onEvent((event, payload) => send(JSON.stringify({ event, payload })));
  ws.on('close', unsubscribe);
  ws.on('message', (data) => void answer(data, backend, log).then(send));
}

/** The reply to one message, serialized; never rejects. */
async function answer(data: RawData, backend: Backend, log: Logger): Promise<string> {
  let id: unknown = null;
  let message: { id?: unknown; channel?: unknown; input?: unknown };
  try {
    message = JSON.parse(data.toString()) as typeof message;
    id = message?.id ?? null;
  } catch {
    return JSON.stringify({
      id,
      result: { ok: false, error: { code: 'VALIDATION', message: 'The message was not valid JSON.' } },
    });
  }
  try {
    const result = await backend.invoke(message?.channel, message?.input, { origin: 'harness' });
    return JSON.stringify({ id, result });
  } catch (err) {
    log.error('bridge reply failed', { error: err instanceof Error ? err.message : String(err) });
    // Echo the id only when it is a plain one: it may be the very thing that cannot be serialized.
    const safeId = typeof id === 'number' || (typeof id === 'string' && id.length <= 200) ? id : null;
    return JSON.stringify({ id: safeId, result: INTERNAL_REPLY });
  }
}
