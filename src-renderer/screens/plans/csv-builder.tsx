/**
 * A plan from a CSV: add, remove or replace profile roles for the people listed (matched by id or
 * e-mail). The file is read in the renderer (Dropzone or paste) and sent as text; main parses it.
 * Rows that matched no one are shown with their line numbers.
 */
import { Alert, Button, Group, List, MultiSelect, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconAlertTriangle, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { CsvProblem } from '../../../src-preload/contract';
import { notifyError, notifySuccess, useApiMutation } from '../../api';
import { usePlanVocabulary } from './use-plan-vocabulary';

const MAX_CSV_BYTES = 2 * 1024 * 1024;

export function CsvBuilder({
  instanceId,
  title,
  onBuilt,
}: {
  instanceId: string;
  title: string;
  onBuilt: (planId: string) => void;
}) {
  const vocab = usePlanVocabulary(instanceId);
  const [csv, setCsv] = useState('');
  const [mode, setMode] = useState<'add' | 'remove' | 'replace'>('add');
  const [roles, setRoles] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<{
    planId: string | null;
    unmatched: CsvProblem[];
    problems: CsvProblem[];
  } | null>(null);
  const build = useApiMutation('plans:buildFromCsv', {
    onSuccess: (r) => {
      notifySuccess(`${r.added} operations from ${r.rows} rows.`, 'Plan built');
      if (r.unmatched.length + r.problems.length === 0) onBuilt(r.plan.id);
      else setOutcome({ planId: r.plan.id, unmatched: r.unmatched, problems: r.problems });
    },
    onError: (e) => {
      const d = e.details as { unmatched?: CsvProblem[]; problems?: CsvProblem[] } | undefined;
      if (d?.unmatched || d?.problems)
        setOutcome({ planId: null, unmatched: d.unmatched ?? [], problems: d.problems ?? [] });
      notifyError(e, 'The plan was not built');
    },
  });

  const readFile = async (files: File[]) => {
    const file = files[0];
    if (file) setCsv(await file.text());
  };

  return (
    <Stack gap="sm">
      <Dropzone
        onDrop={(f) => void readFile(f)}
        maxSize={MAX_CSV_BYTES}
        maxFiles={1}
        accept={['text/csv', 'text/plain', '.csv']}
        multiple={false}
        p="md"
      >
        <Group justify="center" gap="sm" mih={60} style={{ pointerEvents: 'none' }}>
          <IconFileUpload size={28} />
          <div>
            <Text size="sm">Drop a CSV here or click to pick one (up to 2 MB)</Text>
            <Text size="xs" c="dimmed">
              Columns: email and/or id; optionally roles (ids or names, separated by ; or |) and action.
            </Text>
          </div>
        </Group>
      </Dropzone>
      <Textarea
        label="Or paste it"
        autosize
        minRows={4}
        maxRows={10}
        value={csv}
        onChange={(e) => setCsv(e.currentTarget.value)}
        placeholder={'email,roles\nana@example.org,Reviewer'}
        styles={{ input: { fontFamily: 'monospace' } }}
        data-testid="csv-text"
      />
      <Group align="flex-end" grow>
        <div>
          <Text size="sm" fw={500} mb={4}>
            Roles are
          </Text>
          <SegmentedControl
            value={mode}
            onChange={(v) => setMode(v as typeof mode)}
            data={[
              { value: 'add', label: 'Added' },
              { value: 'remove', label: 'Removed' },
              { value: 'replace', label: 'Replaced' },
            ]}
          />
        </div>
        <MultiSelect
          label="Roles for rows without a roles column"
          data={vocab.profileRoles}
          value={roles}
          onChange={setRoles}
          searchable
          maxValues={100}
        />
      </Group>
      {outcome && (outcome.unmatched.length > 0 || outcome.problems.length > 0) && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle />}
          title={`${outcome.unmatched.length} rows matched no one; ${outcome.problems.length} other problems`}
          data-testid="csv-unmatched"
        >
          <List size="xs" spacing={2}>
            {[...outcome.unmatched, ...outcome.problems].slice(0, 50).map((p, i) => (
              <List.Item key={i}>
                Line {p.line}: {p.message}
              </List.Item>
            ))}
          </List>
          {outcome.planId && (
            <Button size="xs" mt="sm" onClick={() => onBuilt(outcome.planId as string)}>
              Open the plan with the rows that matched
            </Button>
          )}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          disabled={!csv.trim()}
          loading={build.isPending}
          onClick={() =>
            build.mutate({
              instanceId,
              csv,
              mode,
              ...(title.trim() ? { title: title.trim() } : {}),
              ...(roles.length ? { roles: roles.map(Number) } : {}),
            })
          }
        >
          Build plan
        </Button>
      </Group>
    </Stack>
  );
}
