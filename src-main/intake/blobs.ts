/**
 * The documents' bytes under the data folder, content-addressed: intake/<sha256>. Written to a
 * temporary name and renamed, so a file under its final name is always whole; the same bytes are
 * written once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface BlobStore {
  /** The folder, or null when nothing is kept (a backend without a data folder). */
  readonly dir: string | null;
  put(sha256: string, bytes: Uint8Array): void;
  get(sha256: string): Uint8Array | null;
  remove(sha256: string): void;
}

export const sha256Of = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');
const SHA = /^[0-9a-f]{64}$/;

export function createBlobStore(dir: string | null): BlobStore {
  const file = (sha: string) => {
    if (!dir || !SHA.test(sha)) throw new Error('not a sha256');
    return path.join(dir, sha);
  };
  return {
    dir,
    put(sha, bytes) {
      if (!dir) return;
      const target = file(sha);
      if (fs.existsSync(target)) return;
      fs.mkdirSync(dir, { recursive: true });
      const temp = `${target}.${process.pid}.${crypto.randomUUID()}.part`;
      fs.writeFileSync(temp, bytes);
      fs.renameSync(temp, target);
    },
    get(sha) {
      if (!dir) return null;
      try {
        return new Uint8Array(fs.readFileSync(file(sha)));
      } catch {
        return null;
      }
    },
    remove(sha) {
      if (dir) fs.rmSync(file(sha), { force: true });
    },
  };
}
