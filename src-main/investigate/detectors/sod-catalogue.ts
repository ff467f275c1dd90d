/**
 * The separation-of-duties catalogue: pairs of duties that should not meet in one person, matched
 * against this instance's own role names. A suggestion names two roles the mirror holds and why;
 * the administrator turns it into a rule (or not). Profile roles only: UTA roles are per program.
 */
import type { RoleFacts } from '../model';

interface CataloguePair {
  name: string;
  a: RegExp;
  b: RegExp;
  why: string;
}

const CATALOGUE: readonly CataloguePair[] = [
  {
    name: 'Payment approval apart from payment processing',
    a: /\bpayments?\b.*\bapprov|\bapprov\w*\b.*\bpayments?\b/i,
    b: /\bpayments?\b.*\bprocess|\bprocess\w*\b.*\bpayments?\b/i,
    why: 'one person could prepare a payment and approve it',
  },
  {
    name: 'Financial approval apart from bookkeeping',
    a: /\bfinanc\w*\b.*\bapprov|\bapprov\w*\b.*\bfinanc/i,
    b: /\bfinance officer\b|\baccount(ant|ing)\b|\bbookkeep/i,
    why: 'one person could record a transaction and approve it',
  },
  {
    name: 'Award decisions apart from payments',
    a: /\bgrants? director\b|\baward\w*\b.*\bapprov|\bgrants?\b.*\bapprov/i,
    b: /\bpayments?\b.*\bprocess|\bprocess\w*\b.*\bpayments?\b/i,
    why: 'one person could award a grant and pay it out',
  },
  {
    name: 'Administration apart from audit',
    a: /\b(system|global|user|security)\b.*\badmin/i,
    b: /\baudit(or)?\b|\bcompliance\b/i,
    why: 'an administrator would audit their own changes',
  },
  {
    name: 'User administration apart from approvals',
    a: /\b(global|user|security)\b.*\badmin/i,
    b: /\bapprov(er|al)\b/i,
    why: 'a user administrator could give themselves the approval role and use it',
  },
  {
    name: 'Vendor management apart from payments',
    a: /\bvendors?\b/i,
    b: /\bpayments?\b/i,
    why: 'one person could create a payee and pay it',
  },
  {
    name: 'Budget review apart from budget ownership',
    a: /\bbudget review/i,
    b: /\bbudget (lead|owner|manager)\b|\bfinance officer\b/i,
    why: 'one person could draft a budget and review it',
  },
];

export interface CatalogueSuggestion {
  roleA: RoleFacts;
  roleB: RoleFacts;
  name: string;
  why: string;
}

/** Pairs of this instance's roles that the catalogue says to keep apart (each pair once, lower id first). */
export function suggestSodRules(roles: readonly RoleFacts[]): CatalogueSuggestion[] {
  const seen = new Set<string>();
  const out: CatalogueSuggestion[] = [];
  for (const pair of CATALOGUE) {
    const as = roles.filter((r) => pair.a.test(r.name));
    const bs = roles.filter((r) => pair.b.test(r.name));
    for (const a of as)
      for (const b of bs) {
        if (a.id === b.id) continue;
        const [x, y] = a.id < b.id ? [a, b] : [b, a];
        const key = `${x.id}:${y.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ roleA: x, roleB: y, name: `${pair.name}: ${a.name} with ${b.name}`, why: pair.why });
      }
  }
  return out;
}
