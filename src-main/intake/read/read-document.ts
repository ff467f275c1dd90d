/** Routes a document to its reader by its sniffed type, then extracts the fields of each record. */
import type { IntakeMapping, IntakeResult } from '../../../src-preload/contract';
import { AppError } from '../../errors/app-error';
import { sniff } from './sniff';

export interface ReadInput {
  name: string;
  bytes: Uint8Array;
  mappings: IntakeMapping[];
  /** How deep inside e-mail attachments this read is (attachments of attachments stop at 2). */
  depth?: number;
}

export async function readDocument(input: ReadInput): Promise<IntakeResult> {
  const kind = sniff(input.name, input.bytes);
  if (kind === 'empty') throw new AppError('VALIDATION', `${input.name} is empty (0 bytes): nothing to read.`);
  throw new AppError('VALIDATION', `${input.name}: reading ${kind} is not ready yet.`);
}
