/**
 * Adds one operation made by hand to a plan: to the given plan, or to a new one made first with
 * the title typed (or "Changes by hand"). A refused operation is said, the plan still opens.
 */
import { useState } from 'react';
import type { PlanOperationInput } from '../../../src-preload/contract';
import { callApi, notifyError } from '../../api';

interface AddOperationOptions {
  instanceId: string;
  title: string | undefined;
  planId: string | undefined;
  onBuilt: (planId: string) => void;
}

export function useAddOperation({ instanceId, title, planId, onBuilt }: AddOperationOptions) {
  const [busy, setBusy] = useState(false);
  const add = async (operation: PlanOperationInput) => {
    setBusy(true);
    try {
      const target =
        planId ?? (await callApi('plans:create', { instanceId, title: title?.trim() || 'Changes by hand' })).id;
      const r = await callApi('plans:addOperation', { planId: target, operations: [operation] });
      if (r.rejected.length > 0)
        notifyError(new Error(r.rejected[0]?.message ?? 'Refused'), 'The operation was not added');
      onBuilt(target);
      return true;
    } catch (e) {
      notifyError(e, 'The operation was not added');
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { add, busy };
}
