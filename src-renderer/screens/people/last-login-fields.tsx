/** The last-login filter: any, within or not within N days, before a date, or never. */
import { NumberInput, Select, TextInput } from '@mantine/core';
import { LAST_LOGIN_OPTIONS, type LastLoginMode, type PeopleFilterState } from './people-filter-model';

interface LastLoginFieldsProps {
  value: PeopleFilterState;
  set: (patch: Partial<PeopleFilterState>) => void;
}

export function LastLoginFields({ value, set }: LastLoginFieldsProps) {
  return (
    <>
      <Select
        label="Last login"
        data={LAST_LOGIN_OPTIONS}
        value={value.lastLogin}
        onChange={(v) => set({ lastLogin: (v ?? 'any') as LastLoginMode })}
        allowDeselect={false}
      />
      {(value.lastLogin === 'within' || value.lastLogin === 'notWithin') && (
        <NumberInput
          label="Days"
          min={0}
          max={3650}
          value={value.lastLoginDays}
          onChange={(v) => set({ lastLoginDays: typeof v === 'number' ? v : Number(v) || 0 })}
        />
      )}
      {value.lastLogin === 'before' && (
        <TextInput
          label="Last login before"
          type="date"
          value={value.lastLoginBefore}
          onChange={(e) => set({ lastLoginBefore: e.currentTarget.value })}
        />
      )}
    </>
  );
}
