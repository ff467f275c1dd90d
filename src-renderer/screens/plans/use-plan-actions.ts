/**
 * What the plan page can do to a plan: submit, approve (all or the selected operations), discard,
 * apply, undo, export and import approvals; and the selection the approve-selected button uses.
 */
import { useState } from 'react';
import type { Operation } from '../../../src-preload/contract';
import { MAX_PLAN_IMPORT_CHARS } from '../../../src-preload/contract';
import { callApi, notifyError, notifyRefusal, notifySuccess, useApiMutation } from '../../api';
import { readTextFileWithin } from '../../lib/read-text-file';
import { downloadText } from './plan-format';
import { usePlanEdits } from './use-plan-edits';

const IMPORT_LIMIT = {
  maxChars: MAX_PLAN_IMPORT_CHARS,
  purpose: 'for importing approvals',
  nextStep: 'Choose the file exported from this plan (Export, then JSON or CSV).',
};

interface PlanActionsOptions {
  planId: string;
  onOpen: (planId: string) => void;
  onBack: () => void;
}

export function usePlanActions({ planId, onOpen, onBack }: PlanActionsOptions) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const onError = (title: string) => (e: unknown) => notifyError(e, title);
  const submit = useApiMutation('plans:submit', { onError: onError('Not submitted') });
  const approve = useApiMutation('plans:approve', {
    onSuccess: (r) => {
      setSelected(new Set());
      notifySuccess(
        r.needOwnApproval.length
          ? `${r.needOwnApproval.length} privileged operations still need their own approval.`
          : 'Approved.',
        'Approval recorded',
      );
    },
    // A privileged approval shows its refusal in its dialog, at the field it concerns.
    meta: { silent: true },
    onError: (e, input) => (input.reason === undefined ? notifyError(e, 'Not approved') : undefined),
  });
  const discard = useApiMutation('plans:discard', { onSuccess: onBack, onError: onError('Not discarded') });
  const apply = useApiMutation('plans:apply', { onError: onError('Apply did not start') });
  const undo = useApiMutation('plans:undo', { onSuccess: (r) => onOpen(r.plan.id), onError: onError('No undo plan') });
  const edits = usePlanEdits(setSelected);

  const toggle = (op: Operation, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(op.id);
      else next.delete(op.id);
      return next;
    });
  const exportAs = async (format: 'json' | 'csv') => {
    try {
      downloadText(await callApi('plans:export', { planId, format }));
    } catch (e) {
      notifyError(e, 'Not exported');
    }
  };
  const importFile = async (file: File | null) => {
    if (!file) return;
    const read = await readTextFileWithin(file, IMPORT_LIMIT);
    if (!read.ok) return notifyRefusal(read.message, 'Not imported: the file is too large');
    try {
      const r = await callApi('plans:import', { planId, text: read.text });
      notifySuccess(
        `${r.imported} approvals imported${r.skipped.length ? `; ${r.skipped.length} skipped` : ''}.`,
        'Imported',
      );
    } catch (e) {
      notifyError(e, 'Not imported');
    }
  };

  return {
    planId,
    selected,
    setSelected,
    toggle,
    submit,
    approve,
    discard,
    apply,
    undo,
    exportAs,
    importFile,
    ...edits,
  };
}

export type PlanActions = ReturnType<typeof usePlanActions>;
