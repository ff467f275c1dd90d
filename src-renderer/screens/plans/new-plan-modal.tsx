/** "New plan": a title and one of three builders (a filter, a CSV, by hand). */
import { Modal, Tabs, TextInput } from '@mantine/core';
import { IconFileSpreadsheet, IconFilter, IconHandFinger } from '@tabler/icons-react';
import { useState } from 'react';
import type { Instance } from '../../../src-preload/contract';
import { CsvBuilder } from './csv-builder';
import { FilterBuilder } from './filter-builder';
import { HandBuilder } from './hand-builder';

/** The contract's limit for a plan title. */
export const MAX_PLAN_TITLE = 200;

interface Props {
  instance: Instance;
  opened: boolean;
  onClose: () => void;
  onBuilt: (planId: string) => void;
}

export function NewPlanModal({ instance, opened, onClose, onBuilt }: Props) {
  const [title, setTitle] = useState('');
  const tooLong = title.trim().length > MAX_PLAN_TITLE;
  const done = (planId: string) => {
    setTitle('');
    onClose();
    onBuilt(planId);
  };
  return (
    <Modal opened={opened} onClose={onClose} title="New plan" size="xl" data-testid="new-plan-modal">
      <TextInput
        label="Title"
        placeholder="Leave empty for a title that says what the plan does"
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={
          tooLong
            ? `The title is ${title.trim().length} characters; a plan title is at most ${MAX_PLAN_TITLE}. Shorten it to build the plan.`
            : undefined
        }
        mb="md"
        data-autofocus
        data-testid="plan-title"
      />
      {/* A title too long disables the builders rather than cutting it. */}
      <fieldset disabled={tooLong} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Tabs defaultValue="filter" keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="filter" leftSection={<IconFilter size={16} />}>
              From a filter
            </Tabs.Tab>
            <Tabs.Tab value="csv" leftSection={<IconFileSpreadsheet size={16} />}>
              From a CSV
            </Tabs.Tab>
            <Tabs.Tab value="hand" leftSection={<IconHandFinger size={16} />}>
              By hand
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="filter">
            <FilterBuilder instanceId={instance.id} title={title} onBuilt={done} />
          </Tabs.Panel>
          <Tabs.Panel value="csv">
            <CsvBuilder instanceId={instance.id} title={title} onBuilt={done} />
          </Tabs.Panel>
          <Tabs.Panel value="hand">
            <HandBuilder instanceId={instance.id} title={title} onBuilt={done} />
          </Tabs.Panel>
        </Tabs>
      </fieldset>
    </Modal>
  );
}
