/**
 * A stub OpenAI-compatible server for tests (not a model, not a mock of the client): real HTTP on
 * 127.0.0.1, POST /v1/chat/completions and /chat/completions. It records every request (path,
 * headers, raw body) so tests can assert what left the process, and answers as the test says:
 * well-formed JSON for the schema, invalid JSON, a schema violation, a delay, or an HTTP error.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The body exactly as received. */
  raw: string;
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: { json_schema?: { name?: string; schema?: unknown } };
  };
}

export type StubReply =
  | { kind: 'json'; content: unknown; delayMs?: number }
  | { kind: 'text'; content: string; delayMs?: number }
  | { kind: 'status'; status: number; delayMs?: number }
  | { kind: 'delay'; ms: number };

export type StubResponder = (request: StubRequest) => StubReply;

export interface OpenAiStubServer {
  /** The base URL to configure: http://127.0.0.1:<port>/v1 */
  baseUrl: string;
  requests: StubRequest[];
  /** What the next requests get (until changed). */
  respond(responder: StubResponder): void;
  close(): Promise<void>;
}

const completion = (model: string, content: string) => ({
  id: 'chatcmpl-stub',
  object: 'chat.completion',
  created: Math.floor(Date.now() / 1000),
  model,
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content, refusal: null } }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
});

export async function startOpenAiStubServer(): Promise<OpenAiStubServer> {
  const requests: StubRequest[] = [];
  let responder: StubResponder = () => ({ kind: 'status', status: 500 });
  const timers = new Set<NodeJS.Timeout>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (req.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      let body: StubRequest['body'] = {};
      try {
        body = JSON.parse(raw) as StubRequest['body'];
      } catch {
        // Recorded as it came; the responder decides.
      }
      const request: StubRequest = { path, headers: req.headers, raw, body };
      requests.push(request);
      let reply: StubReply;
      try {
        reply = responder(request);
      } catch {
        // A responder that cannot read the request is a server error, not a crash of the test run.
        reply = { kind: 'status', status: 500 };
      }
      const send = () => {
        if (res.destroyed) return;
        if (reply.kind === 'delay') return; // never answers: the client's timeout must act
        if (reply.kind === 'status') {
          res
            .writeHead(reply.status, { 'content-type': 'application/json' })
            .end(JSON.stringify({ error: { message: 'stub failure', type: 'server_error' } }));
          return;
        }
        const content = reply.kind === 'json' ? JSON.stringify(reply.content) : reply.content;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(completion(body.model ?? 'stub', content)));
      };
      const wait = reply.kind === 'delay' ? reply.ms : (reply.delayMs ?? 0);
      if (wait > 0) {
        const t = setTimeout(() => {
          timers.delete(t);
          send();
        }, wait);
        timers.add(t);
      } else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    respond(r) {
      responder = r;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The task input as the server saw it (the user message, parsed). */
export function userPayload(request: StubRequest): unknown {
  const user = request.body.messages?.find((m) => m.role === 'user');
  return user ? JSON.parse(user.content) : null;
}

/** The schema name the client asked for (the task kind). */
export const schemaName = (request: StubRequest) => request.body.response_format?.json_schema?.name ?? '';

/** A port on 127.0.0.1 where nothing listens (for a refused connection). */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
