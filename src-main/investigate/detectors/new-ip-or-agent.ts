/**
 * A new IP address or browser (user agent) for a person: a session from an address, or with a
 * browser, the person's sessions of the previous `newAddressDays` days did not use. A session is
 * judged only after the learning period (session-profile.ts) and when the person signed in at
 * least once in those days (otherwise there is nothing to compare with).
 *
 * Score: 0.3 for a new address or browser; +0.25 when the address was never seen for this person
 * at all (+0.1 for a never-seen browser); +0.15 when both are new; +0.25 when the session is also
 * off-hours for them.
 */
import type { Dictionary, FindingDraft, SessionHistory, SessionDetectorContext } from '../model';
import { DAY_S, roundScore, secondsToWire } from '../model';
import type { SessionProfile } from './session-profile';

export interface NewAddressVerdicts {
  /** Session index -> the address was never seen before for this person (true) or not in the window (false). */
  newIp: Map<number, boolean>;
  newUa: Map<number, boolean>;
}

/** Which judged sessions brought a new address or browser. */
export function newAddresses(h: SessionHistory, profile: SessionProfile, windowDays: number): NewAddressVerdicts {
  const window = windowDays * DAY_S;
  const seenIp = new Map<number, number>();
  const seenUa = new Map<number, number>();
  const newIp = new Map<number, boolean>();
  const newUa = new Map<number, boolean>();
  for (let i = 0; i < h.at.length; i++) {
    const at = h.at[i]!;
    const ip = h.ip[i]!;
    const ua = h.ua[i]!;
    const previous = i > 0 ? h.at[i - 1]! : null;
    if (profile.judged[i] && previous !== null && at - previous <= window) {
      const lastIp = seenIp.get(ip);
      if (ip !== 0 && (lastIp === undefined || at - lastIp > window)) newIp.set(i, lastIp === undefined);
      const lastUa = seenUa.get(ua);
      if (ua !== 0 && (lastUa === undefined || at - lastUa > window)) newUa.set(i, lastUa === undefined);
    }
    seenIp.set(ip, at);
    seenUa.set(ua, at);
  }
  return { newIp, newUa };
}

export function detectNewIpOrAgent(
  h: SessionHistory,
  profile: SessionProfile,
  verdicts: NewAddressVerdicts,
  dict: Dictionary,
  ctx: SessionDetectorContext,
): FindingDraft[] {
  const days = ctx.settings.newAddressDays;
  const margin = ctx.settings.offHoursMarginHours * 60;
  const found: FindingDraft[] = [];
  const indexes = new Set([...verdicts.newIp.keys(), ...verdicts.newUa.keys()]);
  for (const i of [...indexes].sort((a, b) => a - b)) {
    const ipNever = verdicts.newIp.get(i);
    const uaNever = verdicts.newUa.get(i);
    const offHours = profile.outside[i]! >= margin;
    const score = roundScore(
      0.3 +
        (ipNever ? 0.25 : 0) +
        (uaNever ? 0.1 : 0) +
        (ipNever !== undefined && uaNever !== undefined ? 0.15 : 0) +
        (offHours ? 0.25 : 0),
    );
    const ip = dict.text(h.ip[i]!);
    const ua = dict.text(h.ua[i]!);
    const start = secondsToWire(h.at[i]!);
    const parts: string[] = [];
    if (ipNever !== undefined)
      parts.push(
        `from ${ip}, ${ipNever ? 'an address never seen for them before' : `not seen in the previous ${days} days`}`,
      );
    if (uaNever !== undefined)
      parts.push(`with a browser ${uaNever ? 'never seen for them before' : `not seen in the previous ${days} days`}`);
    found.push({
      key: `new_ip_or_agent:${h.sessionIds[i]}`,
      kind: 'new_ip_or_agent',
      personId: h.personId,
      score,
      reason: `Signed in on ${start.slice(0, 16)} UTC ${parts.join(' and ')}${offHours ? ', outside their usual hours' : ''}.`,
      numbers: {
        newAddress: ipNever === undefined ? 0 : 1,
        newBrowser: uaNever === undefined ? 0 : 1,
        neverSeenAddress: ipNever ? 1 : 0,
        neverSeenBrowser: uaNever ? 1 : 0,
        windowDays: days,
        offHours: offHours ? 1 : 0,
      },
      evidence: {
        sessions: [
          { sessionId: h.sessionIds[i]!, startedAt: start, endedAt: null, ip, userAgent: ua, note: parts.join('; ') },
        ],
      },
      occurredAt: start,
    });
  }
  return found;
}
