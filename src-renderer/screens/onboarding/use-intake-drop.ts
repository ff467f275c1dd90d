/**
 * Reading a drop: the files go to main one at a time (each becomes one or more proposals kept in
 * the queue), with progress and a cancel that stops before the next file. A file too large is
 * refused here, before it is read; a file intake cannot read is listed with its reason and the
 * rest go on.
 */
import { useRef, useState } from 'react';
import type { AddDocumentResult } from '../../../src-preload/contract';
import { callApi, toApiCallError } from '../../api';
import { readIntakeFile } from '../../lib/read-intake-file';

export interface DropProgress {
  total: number;
  done: number;
  current: string | null;
  cancelled: boolean;
}

export interface RefusedFile {
  name: string;
  message: string;
}

/** `onAdded` hears each document read; `firstOfDrop` is true for the first one of a drop that was read. */
export function useIntakeDrop(instanceId: string, onAdded: (result: AddDocumentResult, firstOfDrop: boolean) => void) {
  const [progress, setProgress] = useState<DropProgress | null>(null);
  const [refused, setRefused] = useState<RefusedFile[]>([]);
  const cancel = useRef(false);
  const read = async (files: File[]) => {
    if (files.length === 0) return;
    cancel.current = false;
    const batchId = crypto.randomUUID();
    const problems: RefusedFile[] = [];
    let added = 0;
    setRefused([]);
    for (const [i, file] of files.entries()) {
      if (cancel.current) break;
      setProgress({ total: files.length, done: i, current: file.name, cancelled: false });
      const r = await readIntakeFile(file);
      if (!r.ok) {
        problems.push({ name: file.name, message: r.message });
        continue;
      }
      try {
        onAdded(
          await callApi('onboarding:add', { instanceId, batchId, name: r.name, base64: r.base64 }),
          added++ === 0,
        );
      } catch (e) {
        problems.push({ name: file.name, message: toApiCallError(e).message });
      }
      setRefused([...problems]);
    }
    setRefused([...problems]);
    setProgress((p) => (cancel.current && p ? { ...p, cancelled: true, current: null } : null));
  };
  return {
    read,
    progress,
    refused,
    dismissRefused: () => setRefused([]),
    cancel: () => {
      cancel.current = true;
    },
    clearProgress: () => setProgress(null),
  };
}
