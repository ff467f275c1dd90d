// Preloaded (node --import) into a process under test, and so into its worker threads: every way
// out to the network is refused and written down (one line per attempt in $BLOCK_NETWORK_LOG).
import fs from 'node:fs';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { threadId } from 'node:worker_threads';

const log = process.env.BLOCK_NETWORK_LOG;
const refuse = (what) => {
  if (log) fs.appendFileSync(log, `${threadId} ${what}\n`);
  throw new Error(`network blocked: ${what}`);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function blocked(...args) {
  const a = Array.isArray(args[0]) ? args[0][0] : args[0];
  // A local pipe (tsx talks to its parent over one) is no network.
  if (typeof a === 'string' || (a && typeof a === 'object' && typeof a.path === 'string'))
    return connect.apply(this, args);
  return refuse(`socket ${JSON.stringify(a)}`);
};
dns.lookup = (host) => refuse(`dns ${host}`);
dns.promises.lookup = async (host) => refuse(`dns ${host}`);
http.request = (u) => refuse(`http ${String(u?.href ?? u?.host ?? u)}`);
https.request = (u) => refuse(`https ${String(u?.href ?? u?.host ?? u)}`);
http.get = http.request;
https.get = https.request;
globalThis.fetch = async (u) => refuse(`fetch ${String(u)}`);
