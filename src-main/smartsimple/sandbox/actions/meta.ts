/**
 * Get Meta. Users: the custom field map (`{"contacts": {"fields": [{id, name, type}]}}`), so a
 * client can use `cf_<id>` names. Roles: the catalogue as records (shape in protocol.ts).
 */
import type { RoleCatalogueRecord } from '../../protocol';
import type { ActionContext, ActionResult } from './context';

export function metaAction(ctx: ActionContext): ActionResult {
  const { state } = ctx.core;
  switch (ctx.fn.spec.type) {
    case 'role': {
      const records: RoleCatalogueRecord[] = [...state.data.roles]
        .sort((a, b) => a.id - b.id)
        .map((r) => ({
          'sf_Role ID': String(r.id),
          'sf_Role Name': r.name,
          sf_Description: r.description,
          'sf_UTA Roles Only': r.utaOnly ? '1' : '0',
        }));
      return { body: { records, message: {} } };
    }
    case 'user': {
      const fields = state.data.customFields.map((f) => ({ id: String(f.id), name: f.name, type: f.type }));
      return { body: { contacts: { fields }, message: {} } };
    }
    case 'company':
      return { body: { companies: { fields: [] }, message: {} } };
    default:
      return { body: { [ctx.fn.spec.type]: { fields: [] }, message: {} } };
  }
}
