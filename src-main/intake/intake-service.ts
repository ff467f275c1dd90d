/**
 * Intake: reads a document offline (its type sniffed from its bytes, not its name) into pages of
 * positioned text and the fields of one or more new users, each with confidence and source.
 * Nothing is stored: a document that cannot be read is refused with a plain message.
 */
import { readFile as readFileFs, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { INTAKE_MAX_FILE_BYTES, type IntakeMapping, type IntakeResult } from '../../src-preload/contract';
import type { DB } from '../db/open';
import { AppError } from '../errors/app-error';
import type { Logger } from '../log/logger';
import { readDocument } from './read/read-document';
import { getMappings, setMappings } from './store';

export interface IntakeService {
  read(input: { name: string; bytes: Uint8Array }): Promise<IntakeResult>;
  readFile(path: string): Promise<IntakeResult>;
  mappings(): IntakeMapping[];
  setMappings(mappings: IntakeMapping[]): IntakeMapping[];
}

export function tooLargeMessage(size: number): string {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return `This file is ${mb(size)}; intake reads documents up to ${mb(INTAKE_MAX_FILE_BYTES)}. Split it or export the pages that matter.`;
}

export function createIntakeService(deps: { db: DB | null; logger?: Logger }): IntakeService {
  const { db, logger } = deps;
  const mappings = () => (db ? getMappings(db) : []);
  const read = async ({ name, bytes }: { name: string; bytes: Uint8Array }) => {
    if (bytes.byteLength > INTAKE_MAX_FILE_BYTES) throw new AppError('VALIDATION', tooLargeMessage(bytes.byteLength));
    const started = Date.now();
    const result = await readDocument({ name, bytes, mappings: mappings() });
    logger?.debug('intake read', { format: result.format, ms: Date.now() - started });
    return result;
  };
  return {
    read,
    async readFile(path) {
      const info = await stat(path).catch(() => null);
      if (!info || !info.isFile()) throw new AppError('NOT_FOUND', `No file at ${basename(path)}: check the name.`);
      if (info.size > INTAKE_MAX_FILE_BYTES) throw new AppError('VALIDATION', tooLargeMessage(info.size));
      return read({ name: basename(path), bytes: new Uint8Array(await readFileFs(path)) });
    },
    mappings,
    setMappings(list) {
      if (!db) throw new AppError('UNAVAILABLE', 'No database is open to keep the mappings.');
      return setMappings(db, list);
    },
  };
}
