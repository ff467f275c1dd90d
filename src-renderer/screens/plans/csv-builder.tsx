/**
 * A plan from a CSV: add, remove or replace profile roles for the people listed (matched by id or
 * e-mail). The file is read in the renderer (Dropzone or paste) and sent as text; main parses it.
 * Check shows what it would do and every problem before a plan exists; Build makes the plan.
 */
import { Alert, Button, Group, MultiSelect, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { CsvDropZone } from './csv-drop-zone';
import { CsvPreview } from './csv-preview';
import { useCsvPlanBuild, type RoleMode } from './use-csv-plan-build';
import { usePlanVocabulary, type Option } from './use-plan-vocabulary';

interface CsvBuilderProps {
  instanceId: string;
  title: string;
  onBuilt: (planId: string) => void;
}

export function CsvBuilder({ instanceId, title, onBuilt }: CsvBuilderProps) {
  const vocab = usePlanVocabulary(instanceId);
  const [csv, setCsv] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [mode, setMode] = useState<RoleMode>('add');
  const [roles, setRoles] = useState<string[]>([]);
  const steps = useCsvPlanBuild(onBuilt);
  const input = { instanceId, csv, mode, roles, title };
  const result = steps.current(input);
  const error = fileError ?? steps.preview.error?.message ?? steps.build.error?.message ?? null;

  return (
    <Stack gap="sm">
      <CsvDropZone
        onText={(t) => {
          setFileError(null);
          setCsv(t);
        }}
        onRefused={setFileError}
      />
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
      <CsvOptions mode={mode} setMode={setMode} roles={roles} setRoles={setRoles} options={vocab.profileRoles} />
      {error && (
        <Alert color="red" title="The CSV cannot be used" data-testid="csv-error">
          {error}
        </Alert>
      )}
      {result && !error && <CsvPreview result={result} />}
      <Group justify="flex-end">
        <Button
          variant={result ? 'default' : 'filled'}
          disabled={!csv.trim()}
          loading={steps.preview.isPending}
          onClick={() => {
            setFileError(null);
            steps.check(input);
          }}
          data-testid="csv-check"
        >
          Check the CSV
        </Button>
        <Button
          disabled={!result || result.added === 0 || steps.build.isSuccess}
          loading={steps.build.isPending}
          onClick={() => steps.confirm(input)}
          data-testid="csv-build"
        >
          {result ? `Build the plan (${result.added} operations)` : 'Build the plan'}
        </Button>
      </Group>
    </Stack>
  );
}

interface OptionsProps {
  mode: RoleMode;
  setMode: (m: RoleMode) => void;
  roles: string[];
  setRoles: (r: string[]) => void;
  options: Option[];
}

function CsvOptions({ mode, setMode, roles, setRoles, options }: OptionsProps) {
  return (
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
        data={options}
        value={roles}
        onChange={setRoles}
        searchable
        maxValues={100}
      />
    </Group>
  );
}
