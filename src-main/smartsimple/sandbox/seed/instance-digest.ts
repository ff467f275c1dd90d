/** A digest of everything a generated instance holds (records and every log column), for tests that compare seeds. */
import { createHash } from 'node:crypto';
import type { InstanceData } from '../model';

export function instanceDigest(data: InstanceData): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([
      data.alias,
      data.rootCompanyId,
      data.companies,
      data.people,
      data.roles,
      data.programs,
      data.associations,
      data.apiAccount,
      data.nextIds,
    ]),
  );
  for (const log of [data.sessions, data.accessLog]) {
    for (const column of Object.values(log)) {
      if (column && typeof column === 'object' && 'data' in column && column.data instanceof Uint32Array)
        hash.update(Buffer.from(column.data.buffer, 0, column.length * 4));
    }
  }
  hash.update(JSON.stringify(data.accessLog.details));
  return hash.digest('hex');
}
