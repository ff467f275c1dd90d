/**
 * The browser harness: serves the built renderer with the real backend on 127.0.0.1 (random port)
 * so Playwright can drive Debian Chromium against the real thing. `window.api` is built by the
 * same function the preload uses, over a WebSocket that requires a per-run secret and our own
 * origin. This stands in for the Electron window, which cannot run on these machines.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { createBackend, type Backend, type BackendOptions } from '../../src-main/backend/backend';
import { CONTENT_SECURITY_POLICY } from '../../src-main/security';
import { BRIDGE_FILE, RENDERER_DIR } from './paths';

export interface HarnessOptions {
  dataDir: string;
  port?: number;
  rendererDir?: string;
  bridgeFile?: string;
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

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  const bridgeFile = options.bridgeFile ?? BRIDGE_FILE;
  for (const f of [path.join(rendererDir, 'index.html'), bridgeFile]) {
    if (!fs.existsSync(f)) throw new Error(`${f} is missing: build first (npm run harness builds it).`);
  }
  const backend = await createBackend({
    consoleLog: false,
    ...options.backend,
    dataDir: options.dataDir,
    shell: 'harness',
  });
  const secret = crypto.randomBytes(24).toString('hex');
  const indexHtml = fs
    .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
    .replace('<head>', '<head>\n    <script src="./__harness/bridge.js"></script>');

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
      res.end(body);
    };
    if (req.method !== 'GET') return send(405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/' || url.pathname === '/index.html') return send(200, TYPES['.html']!, indexHtml);
    if (url.pathname === '/__harness/bridge.js') return send(200, TYPES['.js']!, fs.readFileSync(bridgeFile));
    const file = path.resolve(rendererDir, '.' + decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(rendererDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(404, 'text/plain', 'Not found');
    }
    send(200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sockets = new Set<WebSocket>();
  let origin = '';

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const given = Buffer.from(url.searchParams.get('secret') ?? '');
    const expected = Buffer.from(secret);
    const secretOk = given.length === expected.length && crypto.timingSafeEqual(given, expected);
    if (url.pathname !== '/bridge' || !secretOk || req.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      const unsubscribe = backend.onEvent((event, payload) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
      });
      ws.on('close', () => {
        unsubscribe();
        sockets.delete(ws);
      });
      ws.on('message', async (data) => {
        let id: unknown = null;
        let result: unknown;
        try {
          const message = JSON.parse(data.toString()) as { id?: unknown; channel?: unknown; input?: unknown };
          id = message.id;
          result = await backend.invoke(message.channel, message.input, { origin: 'harness' });
        } catch {
          result = { ok: false, error: { code: 'VALIDATION', message: 'The message was not valid JSON.' } };
        }
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, result }));
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
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
