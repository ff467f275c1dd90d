/** The connection form's first part: the instance's name, host, alias, root company and API version. */
import { SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ConnectionFormValues } from './connection-form-model';
import { InstanceIdFields } from '../../components/instance-id-fields';

interface InstanceFieldsProps {
  form: UseFormReturnType<ConnectionFormValues>;
  /** The built-in sandbox: its host is Admin Desk's to set. */
  isSandbox: boolean;
}

export function InstanceFields({ form, isSandbox }: InstanceFieldsProps) {
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Name"
          description="How Admin Desk calls it"
          placeholder="Acme production"
          withAsterisk
          {...form.getInputProps('name')}
        />
        <TextInput
          label="Host"
          description={
            isSandbox ? 'The built-in sandbox: Admin Desk starts it and knows its address' : 'The instance’s address'
          }
          placeholder="https://acme.smartsimple.com"
          withAsterisk
          disabled={isSandbox}
          {...form.getInputProps('host')}
        />
      </SimpleGrid>
      <InstanceIdFields form={form} />
    </>
  );
}
