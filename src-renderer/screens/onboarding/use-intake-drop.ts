/**
 * Reading a drop: the files go to main one at a time (each becomes one or more proposals kept in
 * the queue), with progress and a cancel that stops before the next file. A file too large is
 * refused here, before it is read; a file intake cannot read is listed with its reason and the
 * rest go on.
 */
import { useRef, useState } from 'react';
import { MAX_ONBOARDING_FILE_BYTES, type AddDocumentResult } from '../../../src-preload/contract';
import { callApi, toApiCallError } from '../../api';

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

function toBase64(buf: ArrayBuffer): string {
  let s = '';
  const bytes = new Uint8Array(buf);
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

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
      if (file.size > MAX_ONBOARDING_FILE_BYTES) {
        problems.push({
          name: file.name,
          message: `${mb(file.size)}: intake reads documents up to ${mb(MAX_ONBOARDING_FILE_BYTES)}. Split it or export the pages that matter.`,
        });
        continue;
      }
      try {
        const base64 = toBase64(await file.arrayBuffer());
        onAdded(await callApi('onboarding:add', { instanceId, batchId, name: file.name, base64 }), added++ === 0);
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
