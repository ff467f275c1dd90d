/**
 * The harness must survive whatever a page or a local process sends it: 1,000 malformed HTTP
 * requests, handshakes and WebSocket frames (bad URLs and percent-encoding, oversized frames,
 * invalid UTF-8, unmasked frames, RSV bits, bad opcodes, deeply nested JSON, garbage, abrupt
 * closes), after which it still serves the page and answers a normal call. An uncaught error
 * here fails the run, as it would have killed the process.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHarness, type Harness } from './server';

let harness: Harness;
let root: string;
let port: number;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-desk-fuzz-'));
  const rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<html><head></head><body>fuzz</body></html>');
  fs.writeFileSync(path.join(rendererDir, 'app.js'), '/* app */');
  fs.writeFileSync(path.join(root, 'bridge.js'), '/* bridge */');
  harness = await startHarness({
    dataDir: path.join(root, 'data'),
    rendererDir,
    bridgeFile: path.join(root, 'bridge.js'),
  });
  port = Number(new URL(harness.origin).port);
});
afterAll(async () => {
  await harness.close();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A seeded generator, so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}
const random = prng(20261201);
const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));

interface FrameSpec {
  opcode: number;
  payload?: Buffer;
  fin?: boolean;
  rsv?: number;
  masked?: boolean;
  /** Claim a length other than the payload's. */
  claimed?: number;
}
function frame({ opcode, payload = Buffer.alloc(0), fin = true, rsv = 0, masked = true, claimed }: FrameSpec): Buffer {
  const length = claimed ?? payload.length;
  const head = [(fin ? 0x80 : 0) | (rsv << 4) | opcode];
  const maskBit = masked ? 0x80 : 0;
  let ext = Buffer.alloc(0);
  if (length < 126) head.push(maskBit | length);
  else if (length < 65536) {
    head.push(maskBit | 126);
    ext = Buffer.alloc(2);
    ext.writeUInt16BE(length);
  } else {
    head.push(maskBit | 127);
    ext = Buffer.alloc(8);
    ext.writeBigUInt64BE(BigInt(length));
  }
  if (!masked) return Buffer.concat([Buffer.from(head), ext, payload]);
  const key = crypto.randomBytes(4);
  const body = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!));
  return Buffer.concat([Buffer.from(head), ext, key, body]);
}
const text = (s: string | Buffer, extra: Partial<FrameSpec> = {}) =>
  frame({ opcode: 1, payload: Buffer.isBuffer(s) ? s : Buffer.from(s), ...extra });

/**
 * Opens a raw TCP connection, writes `chunks` (after a good handshake if asked), and ends at the
 * server's first answer to them, its close, or after a moment.
 */
function raw(chunks: (Buffer | string)[], options: { abrupt?: boolean; handshake?: boolean } = {}): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve();
    };
    const timer = setTimeout(done, 400);
    socket.on('error', done);
    socket.on('close', done);
    let written = false;
    const write = () => {
      written = true;
      for (const c of chunks) socket.write(c);
      if (options.abrupt) socket.destroy();
    };
    let seen = '';
    socket.on('data', (d: Buffer) => {
      if (written) return done();
      seen += d.toString('latin1');
      if (!seen.includes('\r\n\r\n')) return;
      if (!seen.startsWith('HTTP/1.1 101')) return done();
      write();
    });
    socket.on('connect', () => (options.handshake ? socket.write(handshake()) : write()));
  });
}

function handshake(target = `/bridge?secret=${harness.secret}`, headers: Record<string, string> = {}): string {
  const all: Record<string, string> = {
    Host: `127.0.0.1:${port}`,
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': crypto.randomBytes(16).toString('base64'),
    'Sec-WebSocket-Version': '13',
    Origin: harness.origin,
    ...headers,
  };
  return `GET ${target} HTTP/1.1\r\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n')}\r\n\r\n`;
}

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

/** The malformed cases, each a function that sends one thing; variants are drawn at random. */
const kinds: (() => Promise<void>)[] = [
  // HTTP request lines and paths.
  () =>
    raw([
      `GET /%${['ZZ', 'E0%A4%A', 'C0%AF', '', 'G1', 'D8%00'][Math.floor(random() * 6)]} HTTP/1.1\r\nConnection: close\r\n\r\n`,
    ]),
  () => raw([`GET /${bytes(20).toString('latin1')} HTTP/1.1\r\nConnection: close\r\n\r\n`]),
  () => raw(['GET http://[::1 HTTP/1.1\r\nConnection: close\r\n\r\n']),
  () => raw(['GET //..%2f..%2f..%2fetc%2fpasswd HTTP/1.1\r\nConnection: close\r\n\r\n']),
  () => raw([`GET /app.js%00.html HTTP/1.1\r\nConnection: close\r\n\r\n`]),
  () => raw([`${['PUT', 'DELETE', 'OPTIONS', 'BREW', 'G E T'][Math.floor(random() * 5)]} / HTTP/1.1\r\n\r\n`]),
  () => raw([bytes(1 + Math.floor(random() * 300))]),
  () => raw([`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]),
  () => raw(['GET / HTTP/1.1\r\nContent-Length: 99\r\nTransfer-Encoding: chunked\r\n\r\n']),
  () => raw(['GET /index.html HTTP/1.1\r\nHo'], { abrupt: true }),
  // Handshakes that must be refused or aborted.
  () => raw([handshake('/bridge?secret=%ZZ')]),
  () => raw([handshake('/%ZZ')]),
  () => raw([handshake(`/bridge?secret=${harness.secret}`, { 'Sec-WebSocket-Key': '' })]),
  () => raw([handshake(`/bridge?secret=${harness.secret}`, { 'Sec-WebSocket-Version': '8' })]),
  () => raw([handshake(`/bridge?secret=${harness.secret}`, { Origin: 'http://evil.example' })]),
  () => raw([handshake().slice(0, 40)], { abrupt: true }),
  // Frames after a good handshake.
  () => raw([frame({ opcode: 2, claimed: 2 ** 40 })], { handshake: true }),
  () => raw([frame({ opcode: 1, claimed: 65 * 1024 * 1024 })], { handshake: true }),
  () => raw([text(Buffer.from([0xff, 0xfe, 0xc3, 0x28]))], { handshake: true }),
  () => raw([text('{"id":1,"channel":"app:info"}', { masked: false })], { handshake: true }),
  () => raw([text('{"id":1}', { rsv: 1 + Math.floor(random() * 7) })], { handshake: true }),
  () => raw([frame({ opcode: [3, 4, 5, 6, 7, 11, 12, 13, 14, 15][Math.floor(random() * 10)]! })], { handshake: true }),
  () => raw([frame({ opcode: 9, fin: false })], { handshake: true }),
  () => raw([frame({ opcode: 9, payload: bytes(200) })], { handshake: true }),
  () => raw([frame({ opcode: 0, payload: Buffer.from('orphan continuation') })], { handshake: true }),
  () => raw([frame({ opcode: 8, payload: Buffer.from([0x03]) })], { handshake: true }),
  () => raw([frame({ opcode: 8, payload: Buffer.from([0x00, 0x05]) })], { handshake: true }),
  () => raw([text('{"id":2,"chan', { fin: false }), text('nel":"x"}')], { handshake: true }),
  () => raw([bytes(1 + Math.floor(random() * 64))], { handshake: true }),
  () => raw([text('{"id":4,"channel":"app:info"}').subarray(0, 5)], { handshake: true, abrupt: true }),
  () => raw([text('{"id":5,"channel":"app:info"}')], { handshake: true, abrupt: true }),
];

/** Sent a few times only: each costs the server tens of milliseconds of parsing. */
const heavy: (() => Promise<void>)[] = [
  () => raw([text(`{"id":${deep(100_000)},"channel":"app:info"}`)], { handshake: true }),
  () => raw([text(`{"id":3,"channel":"instances:create","input":${deep(100_000)}}`)], { handshake: true }),
  () => raw([text(`{"id":4,"channel":"app:info","input":{"a":${deep(100_000)}}}`)], { handshake: true }),
];

async function runAll(tasks: (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < tasks.length) await tasks[next++]!();
    }),
  );
}

function connect(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge?secret=${harness.secret}`, { origin: harness.origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

it(
  'survives 1,000 malformed requests and frames, then serves the page and answers a call',
  { timeout: 60_000 },
  async () => {
    const started = Date.now();
    const tasks = [
      ...heavy,
      ...kinds,
      ...Array.from({ length: 1000 - heavy.length - kinds.length }, () => kinds[Math.floor(random() * kinds.length)]!),
    ];
    expect(tasks).toHaveLength(1000);
    await runAll(tasks, 25);
    const elapsed = Date.now() - started;

    // The percent-encoding that used to throw is a plain 400 now.
    expect((await fetch(`${harness.origin}/%ZZ`)).status).toBe(400);
    const page = await fetch(harness.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('fuzz');

    const ws = await connect();
    const replies: { id: unknown; result: { ok: boolean; data?: unknown; error?: { code: string } } }[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(d.toString())));
    // A reply that cannot be serialized (a 100,000-deep id) becomes an INTERNAL envelope.
    ws.send(`{"id":${deep(100_000)},"channel":"app:info"}`);
    ws.send(JSON.stringify({ id: 7, channel: 'app:info' }));
    await expect.poll(() => replies.length, { timeout: 5000 }).toBe(2);
    expect(replies[0]).toMatchObject({ id: null, result: { ok: false, error: { code: 'INTERNAL' } } });
    expect(replies[1]).toMatchObject({ id: 7, result: { ok: true } });
    ws.close();
    console.log(`fuzz: 1000 malformed requests and frames in ${elapsed} ms`);
  },
);
