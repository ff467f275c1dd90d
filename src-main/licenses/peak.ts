/**
 * Concurrent sessions: the most sessions open at the same moment, per clock hour, by a sweep over
 * every start (+1) and end (-1) in time order (an end and a start in the same second: the end
 * first). A session with no end is taken to last `openMinutes`. Each clock hour's peak is the
 * highest count reached in it, or what was already open when it began. Hours of the day (UTC) and
 * months take the highest of their hours.
 */
import { secondsToWire, wireToSeconds } from '../investigate/model';

export interface PeakResult {
  overall: { sessions: number; at: string | null };
  byHour: { hour: number; peak: number }[];
  byMonth: { month: string; peak: number; at: string | null }[];
  sessions: number;
  from: string | null;
  to: string | null;
}

const HOUR = 3600;

export function concurrencyPeaks(spans: Iterable<[string, string | null]>, openMinutes: number): PeakResult {
  const times: number[] = [];
  let sessions = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const [start, end] of spans) {
    const s = wireToSeconds(start);
    if (s === null) continue;
    const parsedEnd = wireToSeconds(end);
    const e = parsedEnd !== null && parsedEnd >= s ? parsedEnd : s + openMinutes * 60;
    // Encoded so one numeric sort orders by time, ends before starts in the same second.
    times.push(s * 2 + 1, e * 2);
    sessions++;
    first = Math.min(first, s);
    last = Math.max(last, s);
  }
  const sorted = Float64Array.from(times).sort();
  const hourPeak = new Map<number, number>();
  let open = 0;
  let hour = sorted.length > 0 ? Math.floor(Math.floor(sorted[0]! / 2) / HOUR) : 0;
  for (const code of sorted) {
    const at = Math.floor(code / 2);
    const h = Math.floor(at / HOUR);
    // Hours passed with no event keep what was open through them.
    for (let between = hour + 1; between <= h && open > 0; between++)
      hourPeak.set(between, Math.max(hourPeak.get(between) ?? 0, open));
    hour = h;
    open += code % 2 === 1 ? 1 : -1;
    if (open > (hourPeak.get(h) ?? 0)) hourPeak.set(h, open);
  }
  return summarize(hourPeak, sessions, first, last);
}

function summarize(hourPeak: Map<number, number>, sessions: number, first: number, last: number): PeakResult {
  const byHour = Array.from({ length: 24 }, (_, hour) => ({ hour, peak: 0 }));
  const months = new Map<string, { peak: number; at: number }>();
  let overall = { sessions: 0, at: null as number | null };
  for (const [h, peak] of [...hourPeak.entries()].sort((a, b) => a[0] - b[0])) {
    const at = h * HOUR;
    const slot = byHour[Math.floor((at % 86_400) / HOUR)]!;
    slot.peak = Math.max(slot.peak, peak);
    const month = secondsToWire(at).slice(0, 7);
    const m = months.get(month);
    if (!m || peak > m.peak) months.set(month, { peak, at });
    if (peak > overall.sessions) overall = { sessions: peak, at };
  }
  return {
    overall: {
      sessions: overall.sessions,
      at: overall.at === null ? null : secondsToWire(overall.at).slice(0, 13) + ':00',
    },
    byHour,
    byMonth: [...months.entries()].map(([month, m]) => ({
      month,
      peak: m.peak,
      at: secondsToWire(m.at).slice(0, 13) + ':00',
    })),
    sessions,
    from: Number.isFinite(first) ? secondsToWire(first) : null,
    to: Number.isFinite(last) ? secondsToWire(last) : null,
  };
}
