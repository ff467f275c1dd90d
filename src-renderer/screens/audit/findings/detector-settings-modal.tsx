/**
 * Detector settings: the dormant limit (30 / 45 / 90 days as Entra, CIS and SailPoint use, or your
 * own), the learning period, the other thresholds, and the separation-of-duties rules with the
 * catalogue's suggestions for this instance's roles. A change makes the next scan a full one.
 */
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { DetectorSettings, Instance, InvestigateSettings } from '../../../../src-preload/contract';
import { fieldMessageOf, useApiMutation, useApiQuery } from '../../../api';

interface Props {
  instance: Instance;
  opened: boolean;
  onClose(): void;
}

export function DetectorSettingsModal({ instance, opened, onClose }: Props) {
  const settings = useApiQuery('investigate:settings', { instanceId: instance.id }, { enabled: opened });
  return (
    <Modal opened={opened} onClose={onClose} title="Detector settings" size="xl" data-testid="detector-settings-modal">
      {settings.data ? (
        <Stack gap="md">
          <ThresholdsForm
            key={JSON.stringify(settings.data.settings)}
            instance={instance}
            view={settings.data}
            onSaved={onClose}
          />
          <SodRules instance={instance} view={settings.data} />
        </Stack>
      ) : (
        <Text size="sm">{settings.error?.message ?? 'Loading…'}</Text>
      )}
    </Modal>
  );
}

const NUMBER_FIELDS: {
  key: keyof DetectorSettings;
  label: string;
  min: number;
  max: number;
  step?: number;
  hint: string;
}[] = [
  {
    key: 'learningDays',
    label: 'Learning period (days)',
    min: 1,
    max: 180,
    hint: 'Habits are learned from at least this many days…',
  },
  {
    key: 'learningLogins',
    label: 'Learning period (sign-ins)',
    min: 1,
    max: 200,
    hint: '…and this many sign-ins before a session is judged.',
  },
  {
    key: 'offHoursMarginHours',
    label: 'Off-hours margin (hours)',
    min: 0.25,
    max: 8,
    step: 0.25,
    hint: 'How far outside the usual hours.',
  },
  {
    key: 'newAddressDays',
    label: 'New address window (days)',
    min: 1,
    max: 365,
    hint: 'Not seen in this many days before.',
  },
  { key: 'burstMinChanges', label: 'Burst: role changes', min: 3, max: 1000, hint: 'At least this many by one actor…' },
  {
    key: 'burstWindowMinutes',
    label: 'Burst: within (minutes)',
    min: 1,
    max: 1440,
    hint: '…within this many minutes.',
  },
  {
    key: 'peerMinGroup',
    label: 'Smallest peer group',
    min: 3,
    max: 1000,
    hint: 'Groups smaller than this are not compared.',
  },
  {
    key: 'privilegedUnusedDays',
    label: 'Privileged unused (days)',
    min: 7,
    max: 730,
    hint: 'No sign-in this long on a privileged account.',
  },
];

function DormantField({
  value,
  onChange,
  error,
}: {
  value: number;
  onChange(days: number): void;
  error: string | undefined;
}) {
  const preset = [30, 45, 90].includes(value) ? String(value) : 'custom';
  return (
    <Group align="flex-end" mb="sm">
      <div>
        <Text size="sm" fw={500} mb={4}>
          Dormant after (days without a sign-in)
        </Text>
        <SegmentedControl
          value={preset}
          onChange={(v) => v !== 'custom' && onChange(Number(v))}
          data={[
            { value: '30', label: '30' },
            { value: '45', label: '45' },
            { value: '90', label: '90' },
            { value: 'custom', label: 'Other' },
          ]}
          data-testid="dormant-preset"
        />
      </div>
      <NumberInput
        aria-label="Dormant days"
        min={7}
        max={730}
        w={110}
        value={value}
        onChange={(v) => onChange(Number(v) || value)}
        error={error}
      />
    </Group>
  );
}

function ThresholdsForm({
  instance,
  view,
  onSaved,
}: {
  instance: Instance;
  view: InvestigateSettings;
  onSaved(): void;
}) {
  const [draft, setDraft] = useState<DetectorSettings>(view.settings);
  const save = useApiMutation('investigate:updateSettings', { meta: { errorTitle: 'Settings were not saved' } });
  const errorAt = (key: string) => fieldMessageOf(save.error, `settings.${key}`) ?? undefined;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        Thresholds
      </Title>
      <DormantField
        value={draft.dormantDays}
        onChange={(dormantDays) => setDraft({ ...draft, dormantDays })}
        error={errorAt('dormantDays')}
      />
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {NUMBER_FIELDS.map((f) => (
          <NumberInput
            key={f.key}
            label={f.label}
            description={f.hint}
            min={f.min}
            max={f.max}
            step={f.step ?? 1}
            value={draft[f.key] as number}
            onChange={(v) => setDraft({ ...draft, [f.key]: typeof v === 'number' ? v : Number(v) })}
            error={errorAt(f.key)}
          />
        ))}
      </SimpleGrid>
      {save.error && !save.error.details && (
        <Alert color="red" mt="sm">
          {save.error.message}
        </Alert>
      )}
      <Group justify="space-between" mt="md">
        <Button variant="subtle" onClick={() => setDraft(view.defaults)}>
          Back to the defaults
        </Button>
        <Button
          loading={save.isPending}
          onClick={() => save.mutate({ instanceId: instance.id, settings: draft }, { onSuccess: onSaved })}
          data-testid="save-detector-settings"
        >
          Save (the next scan is full)
        </Button>
      </Group>
    </Paper>
  );
}

function SodRules({ instance, view }: { instance: Instance; view: InvestigateSettings }) {
  const add = useApiMutation('investigate:addSodRule', { meta: { errorTitle: 'The rule was not added' } });
  return (
    <Paper withBorder p="md" data-testid="sod-rules">
      <Title order={4} mb={4}>
        Separation of duties
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Nobody should hold both roles of a rule. The next scan lists everyone who does.
      </Text>
      <RulesTable instance={instance} view={view} />
      <AddRule instance={instance} add={add} />
      <Suggestions instance={instance} view={view} add={add} />
    </Paper>
  );
}

type AddRuleMutation = ReturnType<typeof useApiMutation<'investigate:addSodRule'>>;

function RulesTable({ instance, view }: { instance: Instance; view: InvestigateSettings }) {
  const remove = useApiMutation('investigate:removeSodRule', { meta: { errorTitle: 'The rule was not removed' } });
  if (view.rules.length === 0) return null;
  return (
    <Table mb="sm" verticalSpacing={4} data-testid="sod-rule-list">
      <Table.Tbody>
        {view.rules.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              {r.roleA.name} with {r.roleB.name}
            </Table.Td>
            <Table.Td>
              <Text size="xs" c="dimmed">
                {r.holders} hold both now
              </Text>
            </Table.Td>
            <Table.Td w={40}>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                aria-label={`Remove the rule ${r.name}`}
                onClick={() => remove.mutate({ instanceId: instance.id, ruleId: r.id })}
              >
                <IconTrash size={14} />
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AddRule({ instance, add }: { instance: Instance; add: AddRuleMutation }) {
  const roles = useApiQuery('roles:list', { instanceId: instance.id });
  const [a, setA] = useState<string | null>(null);
  const [b, setB] = useState<string | null>(null);
  const options = (roles.data ?? [])
    .filter((r) => !r.utaOnly && !r.removed)
    .map((r) => ({ value: String(r.id), label: r.name }));
  return (
    <Group align="flex-end" mb="md">
      <Select label="Role" searchable data={options} value={a} onChange={setA} w={240} />
      <Select
        label="with role"
        searchable
        data={options}
        value={b}
        onChange={setB}
        w={240}
        error={add.error ? add.error.message : undefined}
      />
      <Button
        leftSection={<IconPlus size={14} />}
        disabled={!a || !b}
        loading={add.isPending}
        onClick={() => a && b && add.mutate({ instanceId: instance.id, roleA: Number(a), roleB: Number(b) })}
      >
        Add the rule
      </Button>
    </Group>
  );
}

function Suggestions({ instance, view, add }: { instance: Instance; view: InvestigateSettings; add: AddRuleMutation }) {
  if (view.suggestions.length === 0) return null;
  return (
    <>
      <Text size="sm" fw={500} mb={4}>
        Suggested from the catalogue for your roles
      </Text>
      <Table verticalSpacing={4} data-testid="sod-suggestions">
        <Table.Tbody>
          {view.suggestions.map((s) => (
            <Table.Tr key={`${s.roleA.id}:${s.roleB.id}`}>
              <Table.Td>
                <Text size="sm">
                  {s.roleA.name} with {s.roleB.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.why}; {s.holders} hold both now
                </Text>
              </Table.Td>
              <Table.Td w={90}>
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() =>
                    add.mutate({
                      instanceId: instance.id,
                      roleA: s.roleA.id,
                      roleB: s.roleB.id,
                      name: s.name,
                      source: 'catalogue',
                    })
                  }
                >
                  Add
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
