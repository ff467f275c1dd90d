/**
 * CPU time of the calling thread, on Linux (`/proc/thread-self/stat`, in clock ticks of 10 ms).
 * Wall-clock time of a write says how long it took on a busy machine; thread CPU time says how
 * much work it was, which is what a benchmark compares side by side. Null elsewhere.
 */
import fs from 'node:fs';

const TICK_MS = 10;

export function threadCpuMs(): number | null {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) * TICK_MS : null;
  } catch {
    return null;
  }
}
