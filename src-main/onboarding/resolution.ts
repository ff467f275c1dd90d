/**
 * Who the document is about: the person against the mirror with the AI core's entity-resolution
 * engine (same, possibly the same, or new, with the candidates' scores and why). The organization
 * is in organization.ts.
 */
import type { PersonCandidate, PersonResolution } from '../../src-preload/contract';
import { buildIndex, matchOne, type MirrorIndex } from '../ai/resolve';
import { mirrorPersonRecord, type MirrorPersonFields } from '../ai/resolve/mirror-records';
import type { Explanation, ResolveRecord } from '../ai/resolve/types';

export type Fields = Record<string, string>;

const COMPARED: [keyof Fields & string, keyof MirrorPersonFields][] = [
  ['firstName', 'firstName'],
  ['lastName', 'lastName'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['title', 'title'],
  ['organization', 'organization'],
  ['department', 'department'],
];

function differences(fields: Fields, p: MirrorPersonFields): PersonCandidate['differences'] {
  const norm = (s: string | null | undefined) => (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
  return COMPARED.filter(([f, m]) => fields[f] && norm(fields[f]) !== norm(p[m] as string | null)).map(([f, m]) => ({
    field: f,
    document: fields[f]!,
    mirror: String(p[m] ?? ''),
  }));
}

function reasonsOf(why: Explanation): string[] {
  const fields = [...why.fields].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, 6);
  const list = fields.map(
    (f) =>
      `${f.field.replace(/_/g, ' ')}: ${f.level.replace(/_/g, ' ')} (${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(1)})`,
  );
  return why.capped ? [...list, why.capped] : list;
}

export function documentRecord(fields: Fields): ResolveRecord {
  return mirrorPersonRecord({
    id: 0,
    firstName: fields.firstName ?? '',
    lastName: fields.lastName ?? '',
    email: fields.email ?? '',
    phone: fields.phone ?? null,
    title: fields.title ?? null,
    organization: fields.organization ?? null,
    department: fields.department ?? null,
  });
}

/** The mirror's people as the engine's index (built once for a drop of many documents). */
export const mirrorIndex = (people: MirrorPersonFields[]): MirrorIndex =>
  buildIndex(people.map(mirrorPersonRecord), { trainingSample: 4000 });

/** The person: 'same' links, 'possible' leaves the choice to the administrator, 'new' creates. */
export function resolvePerson(
  fields: Fields,
  people: MirrorPersonFields[],
  prebuilt?: MirrorIndex,
): Omit<PersonResolution, 'suggestionId'> {
  if (people.length === 0)
    return {
      outcome: 'new',
      personId: null,
      candidates: [],
      explanation: 'The mirror holds no people yet: a new person.',
      decidedBy: 'engine',
    };
  const byId = new Map(people.map((p) => [String(p.id), p]));
  const index = prebuilt ?? mirrorIndex(people);
  const match = matchOne(documentRecord(fields), index, { limit: 5 });
  const email = (fields.email ?? '').trim().toLowerCase();
  const candidates: PersonCandidate[] = match.candidates
    .filter((c) => c.outcome !== 'new' || (email && byId.get(c.id)?.email.toLowerCase() === email))
    .map((c) => {
      const p = byId.get(c.id)!;
      const reasons = reasonsOf(c.why);
      if (email && p.email.toLowerCase() === email) reasons.unshift('the same e-mail address');
      return {
        personId: p.id,
        name: `${p.firstName} ${p.lastName}`.trim(),
        email: p.email,
        organization: p.organization,
        title: p.title,
        score: Math.round(c.probability * 1000) / 1000,
        reasons,
        differences: differences(fields, p),
      };
    });
  const best = match.candidates[0];
  // An identical e-mail in the mirror is the same account whatever the rest says: SmartSimple keys on it.
  const sameEmail = candidates.find((c) => email && c.email.toLowerCase() === email);
  // Without it, the engine's "same" is taken only when no e-mail contradicts it: a plan must never
  // change someone else who shares a name. Two different e-mails make it the administrator's call.
  const top = candidates[0];
  const contradicted = !!(email && top?.email && top.email.toLowerCase() !== email);
  const possible = {
    outcome: 'possible' as const,
    personId: null,
    candidates,
    explanation:
      `${candidates.length === 1 ? `${top?.name} looks` : `${candidates.length} people look`} like this person` +
      (contradicted ? `, but the e-mail differs (${top?.email} in the instance)` : '') +
      ': pick the same person, or keep it new.',
    decidedBy: 'engine' as const,
  };
  if (!sameEmail && best?.outcome === 'same' && contradicted) return possible;
  if (sameEmail || best?.outcome === 'same') {
    const chosen = sameEmail ?? candidates[0]!;
    return {
      outcome: 'same',
      personId: chosen.personId,
      candidates,
      explanation: `${chosen.name} (${chosen.email}) is the same person (${Math.round(chosen.score * 100)}%): ${chosen.reasons.slice(0, 2).join('; ') || 'the engine scores them as one'}.`,
      decidedBy: 'engine',
    };
  }
  if (best?.outcome === 'review' && candidates.length > 0) return possible;
  return {
    outcome: 'new',
    personId: null,
    candidates: [],
    explanation: 'No one in the mirror looks like this person: a new person.',
    decidedBy: 'engine',
  };
}

/** The administrator's word on who this is: one of the candidates, or a new person (null). */
export function decidePerson(
  resolved: Omit<PersonResolution, 'suggestionId'>,
  linkPersonId: number | null,
): Omit<PersonResolution, 'suggestionId'> {
  if (linkPersonId === null)
    return {
      ...resolved,
      outcome: 'new',
      personId: null,
      decidedBy: 'administrator',
      explanation: 'The administrator keeps this a new person.',
    };
  const chosen = resolved.candidates.find((c) => c.personId === linkPersonId);
  return {
    ...resolved,
    outcome: 'same',
    personId: linkPersonId,
    decidedBy: 'administrator',
    explanation: `The administrator linked ${chosen ? `${chosen.name} (${chosen.email})` : `person ${linkPersonId}`}: the same person.`,
  };
}
