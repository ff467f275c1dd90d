/**
 * What must never reach an LLM: the mirror's own words (people's names and e-mails, and with
 * `organizations` the organizations' names), and which of them a request contains as whole words.
 */
import type { DB } from '../../db/open';

/** People's first and last names and e-mails (and organizations' names), longer than three letters. */
export function mirrorWords(db: DB, instanceId: string, options: { organizations?: boolean } = {}): string[] {
  const people = db
    .prepare('SELECT first_name, last_name, email FROM mirror_people WHERE instance_id = ?')
    .raw()
    .all(instanceId)
    .flat() as string[];
  const orgs = options.organizations
    ? (db.prepare('SELECT name FROM mirror_organizations WHERE instance_id = ?').pluck().all(instanceId) as string[])
    : [];
  return [...people, ...orgs].filter((w) => w.length > 3);
}

/** The words that appear in `body` as whole words, whatever their case. */
export function wordsSaid(body: string, words: readonly string[]): string[] {
  return words.filter((w) => new RegExp(`\\b${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i').test(body));
}
