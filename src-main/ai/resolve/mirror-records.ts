/** Mirror people as records for entity resolution: the fields the engine compares, the id as the label. */
import type { ResolveRecord } from './types';

export interface MirrorPersonFields {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  title: string | null;
  organization: string | null;
  department: string | null;
}

export function mirrorPersonRecord(p: MirrorPersonFields): ResolveRecord {
  const fields: ResolveRecord['fields'] = {};
  const put = (field: keyof ResolveRecord['fields'], value: string | null) => {
    if (value && value.trim()) fields[field] = value;
  };
  put('given_name', p.firstName);
  put('surname', p.lastName);
  put('email', p.email);
  put('phone', p.phone);
  put('title', p.title);
  put('organization', p.organization);
  put('department', p.department);
  return { id: String(p.id), fields };
}
