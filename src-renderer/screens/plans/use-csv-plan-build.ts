/**
 * The CSV builder's two steps: Check (the build tried and rolled back in main: what it would add,
 * every problem by line and column, and no plan made), then Build, offered only for the input just
 * checked and only once (it is disabled while it runs, and the dialog closes on success).
 */
import { useState } from 'react';
import type { CsvPreviewResult } from '../../../src-preload/contract';
import { notifySuccess, useApiMutation } from '../../api';

export type RoleMode = 'add' | 'remove' | 'replace';

export interface CsvInput {
  instanceId: string;
  csv: string;
  mode: RoleMode;
  roles: string[];
  title: string;
}

const keyOf = (i: CsvInput) => JSON.stringify([i.csv, i.mode, i.roles]);
const wire = (i: CsvInput) => ({
  instanceId: i.instanceId,
  csv: i.csv,
  mode: i.mode,
  ...(i.title.trim() ? { title: i.title.trim() } : {}),
  ...(i.roles.length ? { roles: i.roles.map(Number) } : {}),
});

export function useCsvPlanBuild(onBuilt: (planId: string) => void) {
  const [checked, setChecked] = useState<{ key: string; result: CsvPreviewResult } | null>(null);
  // Their errors are shown in the builder, at the CSV, not as a toast.
  const preview = useApiMutation('plans:previewCsv', { meta: { silent: true } });
  const build = useApiMutation('plans:buildFromCsv', {
    meta: { silent: true },
    onSuccess: (r) => {
      notifySuccess(`${r.added} operations from ${r.rows} rows.`, 'Plan built');
      setChecked(null);
      onBuilt(r.plan.id);
    },
  });
  return {
    preview,
    build,
    /** The preview of exactly this input, or null when the input changed since. */
    current: (i: CsvInput) => (checked && checked.key === keyOf(i) ? checked.result : null),
    check: (i: CsvInput) => {
      build.reset();
      preview.mutate(wire(i), { onSuccess: (result) => setChecked({ key: keyOf(i), result }) });
    },
    confirm: (i: CsvInput) => {
      if (!build.isPending) build.mutate(wire(i));
    },
  };
}
