/** The SmartConnect API version picker (2 or 1), in the instance ID row (instance-id-fields.tsx). */
import { NativeSelect } from '@mantine/core';
import type { ReactNode } from 'react';

interface ApiVersionSelectProps {
  value: 1 | 2;
  error: ReactNode;
  onChange: (version: 1 | 2) => void;
}

export function ApiVersionSelect({ value, error, onChange }: ApiVersionSelectProps) {
  return (
    <NativeSelect
      label="API version"
      withAsterisk
      data={[
        { value: '2', label: '2' },
        { value: '1', label: '1' },
      ]}
      value={String(value)}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value === '1' ? 1 : 2)}
    />
  );
}
