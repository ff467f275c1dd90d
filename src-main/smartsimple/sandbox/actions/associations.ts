/**
 * UTA role associations on Level 1 records (programs): Associations-List by `objectid`, and
 * Associations-Update to add (`contactid` + `rolename`|`roleid`), change the role of
 * (`associationid` + role) or remove (`associationid` or contact + role, with `delete: "1"`) an
 * association. A contact holds a role on a record once: a second add is refused.
 */
import { type AssociationRecord, DUPLICATE_ASSOCIATION_TEXT, ERROR_TEXTS, UPDATE_STATUS_OK } from '../../protocol';
import { recordError, SandboxError } from '../errors';
import type { Association, Role } from '../model';
import { listMessage, pageOf, parseOtherSettings } from '../paging';
import { notFoundError, parseJsonrset, runBatch } from './batch';
import { type ActionContext, type ActionResult, idParam } from './context';
import type { PreparedWrite } from './writer';

const ENTRY_KEYS = new Set(['contactid', 'rolename', 'roleid', 'associationid', 'delete']);

function wire(a: Association, role: Role | undefined): AssociationRecord {
  const id = String(a.id);
  return {
    recordid: id,
    associationid: id,
    objectid: String(a.objectId),
    contactid: String(a.contactId),
    roleid: String(a.roleId),
    rolename: role?.name ?? '',
  };
}

export function associationsListAction(ctx: ActionContext): ActionResult {
  const { state } = ctx.core;
  const objectId = idParam(ctx.params.objectid ?? ctx.params.recordid);
  if (!state.program(objectId)) throw new SandboxError(ERROR_TEXTS.notFound, `program ${objectId}`);
  const settings = parseOtherSettings(ctx.params.othersettings);
  const live = state.associationsOf(objectId).filter((a) => state.person(a.contactId) !== undefined);
  const page = pageOf(settings, live.length);
  const records = live.slice(page.offset, page.offset + page.recordcount).map((a) => wire(a, state.role(a.roleId)));
  return { body: { records, message: listMessage(page) } };
}

/** The UTA role an entry names; only roles flagged "UTA roles only" are offered on programs. */
function roleOf(ctx: ActionContext, entry: Record<string, unknown>): Role {
  const { state } = ctx.core;
  const byId = entry.roleid !== undefined && entry.roleid !== '' ? state.role(Number(entry.roleid)) : undefined;
  const role =
    byId ??
    (typeof entry.rolename === 'string' && entry.rolename !== '' ? state.roleByName(entry.rolename) : undefined);
  if (!role) throw recordError('unknown role');
  if (!role.utaOnly) throw recordError(`${role.name} is not offered as a UTA role on programs`);
  return role;
}

export function associationsUpdateAction(ctx: ActionContext): ActionResult {
  const { state } = ctx.core;
  const items = parseJsonrset(ctx.params.jsonrset);
  // Flatten: one batch entry per contacts entry, so recordindex counts them all.
  const entries: Array<{ objectid: unknown; entry: unknown }> = [];
  for (const item of items) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw recordError('record is not an object');
    const { objectid, contacts } = item as Record<string, unknown>;
    if (!Array.isArray(contacts) || contacts.length === 0) throw recordError('contacts must be a non-empty array');
    for (const entry of contacts) entries.push({ objectid, entry });
  }
  // Adds earlier in this batch count as existing, so a batch cannot add a pair twice.
  const pending = new Set<string>();
  const prepare = (raw: unknown): PreparedWrite => {
    const { objectid, entry } = raw as { objectid: unknown; entry: unknown };
    if (!entry || typeof entry !== 'object' || Array.isArray(entry))
      throw recordError('contact entry is not an object');
    const e = entry as Record<string, unknown>;
    for (const key of Object.keys(e)) if (!ENTRY_KEYS.has(key)) throw recordError(`unknown key ${key}`);
    const objectId = Number(objectid);
    if (!state.program(objectId)) throw notFoundError(`program ${String(objectid)}`);
    const remove = ['1', 'true'].includes(String(e.delete ?? '').toLowerCase());
    const associationId = e.associationid !== undefined && e.associationid !== '' ? Number(e.associationid) : undefined;
    let existing: Association | undefined;
    if (associationId !== undefined) {
      existing = state.association(associationId);
      if (!existing || existing.objectId !== objectId) throw notFoundError(`association ${String(e.associationid)}`);
    }
    const contactId = e.contactid !== undefined && e.contactid !== '' ? Number(e.contactid) : existing?.contactId;
    if (contactId === undefined || !state.person(contactId))
      throw recordError(`contact ${String(e.contactid ?? '')} does not exist`);
    if (existing && existing.contactId !== contactId)
      throw recordError('to change the contact, delete the association and add a new one');
    const extra = { objectid: String(objectId) };
    if (remove) {
      const target =
        existing ??
        state.associationsOf(objectId).find((a) => a.contactId === contactId && a.roleId === roleOf(ctx, e).id);
      if (!target) throw notFoundError('association to delete');
      return {
        op: 'associate',
        extra,
        apply: () => {
          target.removed = true;
          state.touch();
          return String(target.id);
        },
      };
    }
    const role = roleOf(ctx, e);
    const key = `${objectId}:${contactId}:${role.id}`;
    const taken = state
      .associationsOf(objectId)
      .some((a) => a.contactId === contactId && a.roleId === role.id && a !== existing);
    if (taken || pending.has(key)) throw new SandboxError(DUPLICATE_ASSOCIATION_TEXT, key);
    pending.add(key);
    return {
      op: 'associate',
      extra,
      apply: () => {
        if (existing) {
          existing.roleId = role.id;
          state.touch();
          return String(existing.id);
        }
        return String(state.addAssociation(objectId, contactId, role.id).id);
      },
    };
  };
  return runBatch(ctx, entries, prepare, UPDATE_STATUS_OK);
}
