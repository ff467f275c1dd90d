/** The plan page's edits: remove operations, edit one, and apply the approved part (the rest split off). */
import type { Dispatch, SetStateAction } from 'react';
import { notifyError, notifySuccess, useApiMutation } from '../../api';

export function usePlanEdits(setSelected: Dispatch<SetStateAction<Set<number>>>) {
  const onError = (title: string) => (e: unknown) => notifyError(e, title);
  const applyApproved = useApiMutation('plans:applyApproved', {
    onSuccess: (r) =>
      notifySuccess(
        r.rest
          ? `Applying the approved operations; the ${r.rest.operations} others are in the new draft "${r.rest.title}".`
          : 'Applying the approved operations.',
        'Apply started',
      ),
    onError: onError('Apply did not start'),
  });
  const remove = useApiMutation('plans:removeOperations', {
    onSuccess: (_r, v) => {
      setSelected((s) => new Set([...s].filter((id) => !v.operationIds.includes(id))));
      notifySuccess(
        v.operationIds.length === 1 ? 'The operation was removed.' : `${v.operationIds.length} operations removed.`,
        'Removed from the plan',
      );
    },
    onError: onError('Not removed'),
  });
  // Its error is shown in the edit dialog.
  const edit = useApiMutation('plans:editOperation', {
    meta: { silent: true },
    onSuccess: () => notifySuccess('The operation was re-planned; its approval, if any, was cleared.', 'Saved'),
  });

  return { applyApproved, remove, edit };
}
