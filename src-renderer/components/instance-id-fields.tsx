/** The alias, root company ID and API version in one row, as the Connect form asks for them. */
import { SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { ApiVersionSelect } from './api-version-select';

/** The fields of a form that this row edits; the form may have more. */
export interface InstanceIdValues {
  alias: string;
  rootCompanyId: string;
  apiVersion: 1 | 2;
}

/** Any form whose values include these three fields: Mantine's form type is covariant in its values. */
export function InstanceIdFields({ form }: { form: UseFormReturnType<InstanceIdValues> }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <TextInput label="Alias" placeholder="acme" withAsterisk {...form.getInputProps('alias')} />
      <TextInput
        label="Root company ID"
        placeholder="12345"
        inputMode="numeric"
        withAsterisk
        {...form.getInputProps('rootCompanyId')}
      />
      <ApiVersionSelect
        value={form.values.apiVersion}
        error={form.getInputProps('apiVersion').error}
        onChange={(version) => form.setFieldValue('apiVersion', version)}
      />
    </SimpleGrid>
  );
}
