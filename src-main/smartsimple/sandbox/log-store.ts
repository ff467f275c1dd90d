/**
 * Columnar, growable stores for the two audit logs. A 100,000-person instance carries about a
 * million login sessions: as objects that would cost hundreds of megabytes and slow every scan,
 * as typed columns it is ~17 bytes a row and a filter reads only the columns it needs.
 * Times are whole seconds since the epoch (the wire has second resolution).
 */
import { type AccessAction, ACCESS_ACTIONS } from '../protocol';

/** A Uint32Array that grows by doubling. */
export class U32Column {
  data: Uint32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.data = new Uint32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  get(i: number): number {
    return this.data[i] ?? 0;
  }
  /** Reorders the first `length` values by `order` (new position k takes old row order[k]). */
  permute(order: Uint32Array): void {
    const next = new Uint32Array(this.data.length);
    for (let k = 0; k < this.length; k++) next[k] = this.data[order[k] ?? 0] ?? 0;
    this.data = next;
  }
}

/** IPv4 addresses are stored as one uint32. */
export function ipToText(ip: number): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}
export function ipFromOctets(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

/** Login Session log: one row per successful login. Row k has session id `idBase + k`. */
export class SessionLog {
  readonly user = new U32Column(1 << 16);
  readonly start = new U32Column(1 << 16);
  readonly end = new U32Column(1 << 16);
  readonly ip = new U32Column(1 << 16);
  /** Index into `userAgents`; kept in a u32 column to reuse the one column type. */
  readonly ua = new U32Column(1 << 16);
  constructor(
    readonly idBase: number,
    readonly userAgents: readonly string[],
  ) {}
  get length(): number {
    return this.user.length;
  }
  push(user: number, start: number, end: number, ip: number, ua: number): number {
    this.user.push(user);
    this.start.push(start);
    this.end.push(end);
    this.ip.push(ip);
    this.ua.push(ua);
    return this.length - 1;
  }
  permute(order: Uint32Array): void {
    for (const column of [this.user, this.start, this.end, this.ip, this.ua]) column.permute(order);
  }
}

/** Access Modification log: activated, deactivated, role added/removed, password reset. */
export class AccessLog {
  readonly user = new U32Column(4096);
  readonly actor = new U32Column(4096);
  readonly time = new U32Column(4096);
  readonly action = new U32Column(4096);
  readonly detail = new U32Column(4096);
  /** Distinct detail texts; rows hold an index (most details repeat: the same role id list). */
  readonly details: string[] = [''];
  private readonly detailIndex = new Map<string, number>([['', 0]]);
  /** Stays true while rows are appended in time order, so time sorts can use the id order. */
  timeOrdered = true;
  constructor(readonly idBase: number) {}
  get length(): number {
    return this.user.length;
  }
  push(user: number, action: AccessAction, actor: number, timeSec: number, detail = ''): number {
    if (this.length > 0 && timeSec < this.time.get(this.length - 1)) this.timeOrdered = false;
    let d = this.detailIndex.get(detail);
    if (d === undefined) {
      d = this.details.length;
      this.details.push(detail);
      this.detailIndex.set(detail, d);
    }
    this.user.push(user);
    this.actor.push(actor);
    this.time.push(timeSec);
    this.action.push(ACCESS_ACTIONS.indexOf(action));
    this.detail.push(d);
    return this.length - 1;
  }
  actionAt(i: number): AccessAction {
    return ACCESS_ACTIONS[this.action.get(i)] ?? 'role_added';
  }
  detailAt(i: number): string {
    return this.details[this.detail.get(i)] ?? '';
  }
  permute(order: Uint32Array): void {
    for (const column of [this.user, this.actor, this.time, this.action, this.detail]) column.permute(order);
  }
}

/**
 * Order of rows by time, stable: a counting sort over minute buckets is O(n) where a comparison
 * sort of a million rows would take a second.
 */
export function orderByTime(times: U32Column, fromSec: number, toSec: number): Uint32Array {
  const n = times.length;
  const buckets = Math.max(1, Math.ceil((toSec - fromSec) / 60) + 2);
  const counts = new Uint32Array(buckets + 1);
  const bucketOf = (t: number): number => Math.min(buckets - 1, Math.max(0, Math.floor((t - fromSec) / 60)));
  for (let i = 0; i < n; i++) counts[bucketOf(times.get(i)) + 1]! += 1;
  for (let b = 1; b <= buckets; b++) counts[b]! += counts[b - 1]!;
  const byBucket = new Uint32Array(n);
  for (let i = 0; i < n; i++) byBucket[counts[bucketOf(times.get(i))]!++] = i;
  // Within one minute the order must still follow the seconds: a short insertion pass fixes it,
  // cheap because rows are already grouped by minute.
  for (let k = 1; k < n; k++) {
    const row = byBucket[k]!;
    const t = times.get(row);
    let j = k - 1;
    while (j >= 0 && times.get(byBucket[j]!) > t) {
      byBucket[j + 1] = byBucket[j]!;
      j--;
    }
    byBucket[j + 1] = row;
  }
  return byBucket;
}
