import { describe, expect, it } from 'vitest';
import { accessDetailWords, fieldValueWords } from './access-detail';

const roles = new Map([
  [14543, 'Finance Admin'],
  [7, 'Reviewer'],
]);
const name = (id: number) => roles.get(id);

describe('accessDetailWords', () => {
  it('names roles and spells codes in words', () => {
    expect(accessDetailWords(',14543,', name)).toBe('Finance Admin');
    expect(accessDetailWords(',14543,7,', name)).toBe('Finance Admin, Reviewer');
    expect(accessDetailWords(',99,', name)).toBe('a role no longer listed (99)');
    expect(accessDetailWords('sf_Access Type: 0 -> 1', name)).toBe('Access type: No access -> User');
    expect(accessDetailWords('sf_Access Type: "1" -> "0"', name)).toBe('Access type: User -> No access');
    expect(accessDetailWords('sf_Status: Active -> Inactive', name)).toBe('Status: Active -> Inactive');
    expect(accessDetailWords(null, name)).toBe('—');
    expect(accessDetailWords('Password reset by e-mail', name)).toBe('Password reset by e-mail');
    expect([fieldValueWords('sf_Access Type', '0'), fieldValueWords('sf_User Type', '40')]).toEqual([
      'No access',
      'Global admin',
    ]);
    expect(fieldValueWords('sf_Title', '1')).toBe('1');
  });
});
