/** Local working-time arithmetic for people with fixed UTC offsets (no daylight saving). */
import type { LoginHabits } from '../model';
import type { Rng } from './prng';

const DAY = 86_400_000;
const MINUTE = 60_000;

/** Local clock time of `ms` for someone at `tzOffsetMin`: [day index, minutes into the day, weekday 0=Sun]. */
export function localTime(ms: number, tzOffsetMin: number): { day: number; minute: number; weekday: number } {
  const local = ms + tzOffsetMin * MINUTE;
  const day = Math.floor(local / DAY);
  return { day, minute: Math.floor((local - day * DAY) / MINUTE), weekday: (day + 4) % 7 };
}

/** UTC ms of local `minute` on local `day` (day index since the epoch in local time). */
export function fromLocal(day: number, minute: number, tzOffsetMin: number): number {
  return day * DAY + (minute - tzOffsetMin) * MINUTE;
}

export function insideWorkingHours(ms: number, habits: LoginHabits): boolean {
  const { minute } = localTime(ms, habits.tzOffsetMin);
  return minute >= habits.workStart * 60 && minute < habits.workEnd * 60;
}

/**
 * A moment inside the person's working hours (and on a weekday when they keep to those) in
 * [from, to], or null after a few tries. Sessions start at least 30 minutes before the day ends.
 */
export function randomWorkTime(
  rng: Rng,
  habits: LoginHabits,
  from: number,
  to: number,
  allowWeekend = false,
): number | null {
  if (to <= from) return null;
  const first = localTime(from, habits.tzOffsetMin).day;
  const last = localTime(to, habits.tzOffsetMin).day;
  const span = Math.max(1, (habits.workEnd - habits.workStart) * 60 - 30);
  for (let attempt = 0; attempt < 12; attempt++) {
    const day = rng.int(first, last);
    const weekday = (day + 4) % 7;
    if (habits.weekdaysOnly && !allowWeekend && (weekday === 0 || weekday === 6)) continue;
    const ms = fromLocal(day, habits.workStart * 60 + rng.int(0, span - 1), habits.tzOffsetMin) + rng.int(0, 59) * 1000;
    if (ms >= from && ms <= to) return ms;
  }
  return null;
}
