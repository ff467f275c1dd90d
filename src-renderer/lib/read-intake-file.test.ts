import { describe, expect, it } from 'vitest';
import { INTAKE_MAX_FILE_BYTES } from '../../src-preload/contract';
import { readIntakeFile } from './read-intake-file';

/** A File whose size is what it says, and whose bytes may not be read. */
function unreadable(name: string, size: number): File {
  const file = new File([], name);
  Object.defineProperty(file, 'size', { value: size });
  file.arrayBuffer = () => Promise.reject(new Error('read a file that should have been refused'));
  return file;
}

describe('readIntakeFile', () => {
  it('refuses a 200 MB file by its size, without reading it', async () => {
    const r = await readIntakeFile(unreadable('scan-archive.pdf', 200 * 1024 * 1024));
    expect(r).toEqual({
      ok: false,
      message:
        '"scan-archive.pdf" is 200 MB, over the 25 MB limit for an intake document. Split it, or export only the pages that matter.',
    });
    expect((await readIntakeFile(unreadable('edge.pdf', INTAKE_MAX_FILE_BYTES + 1))).ok).toBe(false);
  });

  it('refuses an empty file and reads one within the limit as base64', async () => {
    expect(await readIntakeFile(new File([], 'empty.pdf'))).toMatchObject({ ok: false, message: /empty/ });
    const r = await readIntakeFile(new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0xff])], 'a.pdf'));
    expect(r).toEqual({
      ok: true,
      name: 'a.pdf',
      base64: Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff]).toString('base64'),
    });
  });
});
