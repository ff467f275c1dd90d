/**
 * For a test file: a mirrored sandbox per call (fixture.ts's `mirroredSandbox`) in a temporary
 * folder of its own, every sandbox closed after each test. Call it at the top of the file.
 * (Apart from fixture.ts, which benchmarks import outside vitest.)
 */
import { afterEach } from 'vitest';
import type { SandboxHandle, SandboxOptions } from '../../smartsimple/sandbox';
import { useTempDirs } from '../../test-support/temp-dir';
import { mirroredSandbox } from './fixture';

export function useMirroredSandboxes(): (options?: SandboxOptions) => ReturnType<typeof mirroredSandbox> {
  const tempDir = useTempDirs();
  const open: SandboxHandle[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return async (options = {}) => {
    const m = await mirroredSandbox(tempDir(), options);
    open.push(m.sb);
    return m;
  };
}
