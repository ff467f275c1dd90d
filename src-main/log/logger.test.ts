import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir';
import { createLogger, fileSink, REDACTED, redact, SecretRegistry } from './logger';

const tempDir = useTempDirs();

describe('logger', () => {
  it('redacts secret-looking keys and registered secret values at any depth', () => {
    const secrets = new SecretRegistry();
    secrets.add('tok-abcdef~');
    expect(redact({ a: { apitoken: 'x', note: 'uses tok-abcdef~ today' }, list: ['tok-abcdef~'] }, secrets)).toEqual({
      a: { apitoken: REDACTED, note: `uses ${REDACTED} today` },
      list: [REDACTED],
    });
  });

  it('keeps working when its log folder disappears', () => {
    const dir = path.join(tempDir(), 'logs');
    const log = createLogger('t', { sinks: [fileSink(dir)] });
    log.info('first');
    fs.rmSync(dir, { recursive: true, force: true });
    expect(() => log.info('second')).not.toThrow();
    expect(fs.readFileSync(path.join(dir, 'app.log'), 'utf8')).toContain('"second"');
  });
});
