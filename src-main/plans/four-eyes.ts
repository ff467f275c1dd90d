/**
 * Four-eyes for privileged operations: a reason is always required, and when the setting is on
 * (the default) the approval is a second administrator's: a name other than the plan's builder and
 * other than this computer's administrator, typed by that person here or signed into the exported
 * approval file they return. The names compared are the administrators' own (the API-user suffix
 * the desk adds is not part of who someone is).
 */
import { AppError, validation } from '../errors/app-error';

export const MAX_REASON = 500;

/** "Ann Lee (API user api@x)" and " ann  lee " are the same person. */
export function samePerson(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/\s*\(API user [^)]*\)\s*$/i, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase();
  return norm(a) !== '' && norm(a) === norm(b);
}

/** The name without the API-user suffix, as the administrator wrote it. */
export const personOf = (actor: string) => actor.replace(/\s*\(API user [^)]*\)\s*$/i, '').trim();

const fieldError = (code: 'VALIDATION' | 'FORBIDDEN', field: string, message: string) =>
  new AppError(code, message, [{ path: [field], message }]);

export function requireReason(reason: string | undefined | null): string {
  const r = (reason ?? '').trim();
  if (r.length < 3)
    throw fieldError(
      'VALIDATION',
      'reason',
      'A privileged operation needs a reason: say why this person needs this access.',
    );
  if (r.length > MAX_REASON) throw validation(`A reason is limited to ${MAX_REASON} characters.`);
  return r;
}

export interface SecondApproverCheck {
  /** The name typed (or found in the file) as the second administrator's. */
  second: string | undefined | null;
  /** Who built the plan. */
  builder: string;
  /** This computer's administrator. */
  local: string;
  /** Where the name came from, for the message. */
  via: 'here' | 'file';
}

/** The second administrator's name, or why it cannot approve (field `secondApprover`). */
export function checkSecondApprover({ second, builder, local, via }: SecondApproverCheck): string {
  const name = (second ?? '').trim();
  const field = 'secondApprover';
  if (name === '')
    throw fieldError(
      'VALIDATION',
      field,
      'Four-eyes is on: a second administrator approves a privileged operation. They enter their own name here, or sign off the exported approval file.',
    );
  if (samePerson(name, builder))
    throw fieldError(
      'FORBIDDEN',
      field,
      `${personOf(builder)} built this plan and cannot approve its privileged operations: a second administrator must.`,
    );
  if (samePerson(name, local))
    throw fieldError(
      'FORBIDDEN',
      field,
      via === 'here'
        ? `${personOf(local)} is this computer's administrator: the second administrator enters their own name.`
        : `${personOf(local)} is this computer's administrator: the file must be signed off by someone else.`,
    );
  return name;
}
