/**
 * Off-hours sessions, relative to the person's own habits: a session that starts at least
 * `offHoursMarginHours` outside the hours the person usually starts sessions in (learned from
 * their earlier sessions, after the learning period; see session-profile.ts), with those usual
 * hours in the reason.
 *
 * Score: 0.5 for the margin, rising with the distance (+0.125 an hour, so four hours out is 1),
 * +0.1 when the session also came from an address not seen in the window before.
 */
import type { Dictionary, FindingDraft, SessionHistory, SessionDetectorContext } from '../model';
import { roundScore, secondsToWire } from '../model';
import type { SessionProfile } from './session-profile';
import { describeHours, describeMinutes } from './session-profile';
import type { NewAddressVerdicts } from './new-ip-or-agent';

export function detectOffHours(
  h: SessionHistory,
  profile: SessionProfile,
  fresh: NewAddressVerdicts,
  dict: Dictionary,
  ctx: SessionDetectorContext,
): FindingDraft[] {
  const margin = ctx.settings.offHoursMarginHours * 60;
  const found: FindingDraft[] = [];
  for (const [i, usual] of profile.usualAt) {
    const away = profile.outside[i]!;
    if (away < margin) continue;
    const at = h.at[i]!;
    const start = secondsToWire(at);
    const newIp = fresh.newIp.has(i);
    const score = roundScore(0.5 + away / 60 / 8 + (newIp ? 0.1 : 0));
    const usualText = describeHours(usual.hours);
    found.push({
      key: `off_hours:${h.sessionIds[i]}`,
      kind: 'off_hours',
      personId: h.personId,
      score,
      reason:
        `Signed in at ${start.slice(11, 16)} UTC on ${start.slice(0, 10)}, ${describeMinutes(away)} outside their ` +
        `usual hours (${usualText}, learned from ${usual.learnedFrom} sessions)` +
        (newIp ? ', from an address not seen before.' : '.'),
      numbers: {
        minutesOutside: Math.round(away),
        usualFrom: usual.hours.start,
        usualMinutes: usual.hours.length,
        learnedFrom: usual.learnedFrom,
        newAddress: newIp ? 1 : 0,
      },
      evidence: {
        sessions: [
          {
            sessionId: h.sessionIds[i]!,
            startedAt: start,
            endedAt: null,
            ip: dict.text(h.ip[i]!),
            userAgent: dict.text(h.ua[i]!),
            note: `${describeMinutes(away)} outside ${usualText}`,
          },
        ],
        facts: { usualHours: usualText, learnedFrom: usual.learnedFrom },
      },
      occurredAt: start,
    });
  }
  return found;
}
