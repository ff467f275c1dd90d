/**
 * A plan from a CSV: add, remove or replace profile roles for the people listed (matched by id or
 * e-mail). The file is read in the renderer (Dropzone or paste) and sent as text; main parses it.
 * Rows that matched no one are shown with their line numbers.
 */
import { Button, Group, MultiSelect, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { CsvDropZone } from './csv-drop-zone';
import { CsvUnmatchedAlert } from './csv-unmatched-alert';
import { useCsvPlanBuild } from './use-csv-plan-build';
import { usePlanVocabulary } from './use-plan-vocabulary';

type RoleMode = 'add' | 'remove' | 'replace';

interface CsvBuilderProps {
  instanceId: string;
  title: string;
  onBuilt: (planId: string) => void;
}

export function CsvBuilder({ instanceId, title, onBuilt }: CsvBuilderProps) {
  const vocab = usePlanVocabulary(instanceId);
  const [csv, setCsv] = useState('');
  const [mode, setMode] = useState<RoleMode>('add');
  const [roles, setRoles] = useState<string[]>([]);
  const { build, outcome } = useCsvPlanBuild(onBuilt);

  return (
    <Stack gap="sm">
      <CsvDropZone onText={setCsv} />
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
            onChange={(v) => setMode(v as RoleMode)}
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
        <CsvUnmatchedAlert outcome={outcome} onOpen={onBuilt} />
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
