/** The size check before a chosen file is read and sent: refused with the limit and a next step. */
import { describe, expect, it } from 'vitest';
import { MAX_PLAN_CSV_CHARS } from '../../src-preload/contract';
import { fileTooLargeMessage, megabytes, readTextFileWithin, type FileLimit } from './read-text-file';

const limit: FileLimit = { maxChars: 10, purpose: 'for this test', nextStep: 'Pick a smaller one.' };

/** A File whose text() must not be called: proves a far-too-large file is refused unread. */
function unreadableFile(name: string, size: number): File {
  return {
    name,
    size,
    text: () => Promise.reject(new Error('read a file that was too large to fit')),
  } as unknown as File;
}

describe('readTextFileWithin', () => {
  it('reads a file within the limit', async () => {
    expect(await readTextFileWithin(new File(['a,b\n1,2\n'], 'ok.csv'), limit)).toEqual({
      ok: true,
      text: 'a,b\n1,2\n',
    });
  });

  it('refuses a 70 MB file without reading it, naming the limit and the next step', async () => {
    const result = await readTextFileWithin(unreadableFile('huge.csv', 70 * 1024 * 1024), {
      ...limit,
      maxChars: MAX_PLAN_CSV_CHARS,
    });
    expect(result).toEqual({
      ok: false,
      message: '"huge.csv" is 70 MB, over the 2 MB limit for this test. Pick a smaller one.',
    });
  });

  it('refuses a file whose text is past the limit once read', async () => {
    const result = await readTextFileWithin(new File(['12345678901'], 'long.csv'), limit);
    expect(result.ok).toBe(false);
  });

  it('accepts a file larger in bytes than the limit when its characters fit (UTF-8)', async () => {
    const text = 'éééééééééé'; // 10 characters, 20 bytes
    const file = new File([text], 'accents.csv');
    expect(file.size).toBeGreaterThan(limit.maxChars);
    expect(await readTextFileWithin(file, limit)).toEqual({ ok: true, text });
  });
});

describe('sizes in messages', () => {
  it('writes megabytes as people read them', () => {
    expect(megabytes(2 * 1024 * 1024)).toBe('2 MB');
    expect(megabytes(0.4 * 1024 * 1024)).toBe('0.4 MB');
    expect(megabytes(70.4 * 1024 * 1024)).toBe('70 MB');
    expect(fileTooLargeMessage('a.json', 9 * 1024 * 1024, { ...limit, maxChars: 8 * 1024 * 1024 })).toContain(
      'is 9 MB, over the 8 MB limit',
    );
  });
});
