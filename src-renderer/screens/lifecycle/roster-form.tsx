/**
 * Program roster: choose the program and its role, give the list (a CSV or XLSX file, or names and
 * e-mails pasted one a line), read it: each row is the same person as someone in the instance, one
 * to decide among candidates, a new person, or an error shown at its line (never planned). Then
 * "make the roster exactly this list" and the organization new people go in, and the plan.
 */
import { Alert, Button, Checkbox, FileButton, Group, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconFileSpreadsheet, IconListSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { RosterPreview } from '../../../src-preload/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { readIntakeFile } from '../../lib/read-intake-file';
import { organizationOptions } from './organization-options';
import { PlanResult } from './plan-result';
import { RosterTable, type RowChoice } from './roster-table';

type Source = { name: string; text?: string; base64?: string };

export function RosterForm({ instanceId }: { instanceId: string }) {
  const tree = useApiQuery('organizations:tree', { instanceId });
  const [input, setInput] = useState<ListInput | null>(null);
  const read = useApiMutation('lifecycle:rosterRead');
  const plan = useApiMutation('lifecycle:rosterPlan');
  const [choices, setChoices] = useState<Record<number, RowChoice>>({});
  const [exact, setExact] = useState(false);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const readList = (i: ListInput) => {
    setInput(i);
    plan.reset();
    read.mutate(
      { instanceId, programId: i.programId, roleId: i.roleId, source: i.source },
      { onSuccess: (p) => setChoices(initialChoices(p)) },
    );
  };
  return (
    <Stack gap="md">
      <RosterListInput
        instanceId={instanceId}
        reading={read.isPending}
        error={read.error?.message ?? null}
        onRead={readList}
      />
      {read.data && input && (
        <RosterDecisions
          preview={read.data}
          choices={choices}
          setChoices={setChoices}
          exact={exact}
          setExact={setExact}
          organizationId={organizationId}
          setOrganizationId={setOrganizationId}
          organizations={organizationOptions(tree.data)}
          pending={plan.isPending}
          error={plan.error?.message ?? null}
          onPlan={(rows) =>
            plan.mutate({
              instanceId,
              programId: read.data.program.id,
              roleId: read.data.role.id,
              rows,
              exact,
              ...(organizationId ? { organizationId: Number(organizationId) } : {}),
            })
          }
        />
      )}
      {plan.data && <PlanResult result={plan.data} />}
    </Stack>
  );
}

interface ListInput {
  programId: number;
  roleId: number;
  source: Source;
}

/** The program, its role and the list (a CSV or XLSX file, or pasted), and "Read the list". */
function RosterListInput(props: {
  instanceId: string;
  reading: boolean;
  error: string | null;
  onRead: (input: ListInput) => void;
}) {
  const { instanceId } = props;
  const programs = useApiQuery('programs:list', { instanceId });
  const roles = useApiQuery('roles:list', { instanceId });
  const utaRoles = (roles.data ?? []).filter((r) => r.utaOnly && !r.removed);
  const [programId, setProgramId] = useState<string | null>(null);
  const [roleId, setRoleId] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<Source | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const role = roleId ?? (utaRoles.find((r) => /reviewer/i.test(r.name))?.id.toString() || null);
  const onFile = async (f: File | null) => {
    setFileError(null);
    if (!f) return;
    if (!/\.xlsx$/i.test(f.name)) return setFile({ name: f.name, text: await f.text() });
    const r = await readIntakeFile(f);
    if (r.ok) setFile({ name: r.name, base64: r.base64 });
    else setFileError(r.message);
  };
  const source: Source | null = file ?? (pasted.trim() ? { name: 'pasted list', text: pasted } : null);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group grow align="flex-start">
          <Select
            label="Program"
            placeholder="Choose the program"
            searchable
            data={(programs.data ?? []).filter((p) => !p.removed).map((p) => ({ value: String(p.id), label: p.name }))}
            value={programId}
            onChange={setProgramId}
            data-testid="roster-program"
          />
          <Select
            label="Program role"
            description="The UTA role the roster gives (for example Reviewer)"
            data={utaRoles.map((r) => ({ value: String(r.id), label: r.name }))}
            value={role}
            onChange={setRoleId}
            data-testid="roster-role"
          />
        </Group>
        <ListSource
          file={file}
          setFile={setFile}
          onFile={onFile}
          fileError={fileError}
          pasted={pasted}
          setPasted={setPasted}
        />
        <Group>
          <Button
            leftSection={<IconListSearch size={16} />}
            onClick={() =>
              source &&
              programId &&
              role &&
              props.onRead({ programId: Number(programId), roleId: Number(role), source })
            }
            disabled={!source || !programId || !role}
            loading={props.reading}
            data-testid="roster-read"
          >
            Read the list
          </Button>
        </Group>
        {props.error && <Alert color="red">{props.error}</Alert>}
      </Stack>
    </Paper>
  );
}

function ListSource(p: {
  file: Source | null;
  setFile: (f: Source | null) => void;
  onFile: (f: File | null) => Promise<void>;
  fileError: string | null;
  pasted: string;
  setPasted: (v: string) => void;
}) {
  return (
    <>
      <Group align="flex-end">
        <FileButton onChange={(f) => void p.onFile(f)} accept=".csv,.xlsx,text/csv">
          {(props) => (
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              {...props}
              data-testid="roster-file-button"
            >
              Choose a CSV or XLSX file…
            </Button>
          )}
        </FileButton>
        {p.file && (
          <Text size="sm" data-testid="roster-file">
            {p.file.name}{' '}
            <Button variant="subtle" size="compact-xs" onClick={() => p.setFile(null)}>
              Use pasted text instead
            </Button>
          </Text>
        )}
      </Group>
      {p.fileError && (
        <Text c="red" size="sm">
          {p.fileError}
        </Text>
      )}
      {!p.file && (
        <Textarea
          label="Or paste names and e-mails, one person a line"
          placeholder={'Ana Rivera <ana.rivera@example.org>\nRivera, Luis; luis.rivera@example.org'}
          autosize
          minRows={3}
          maxRows={10}
          value={p.pasted}
          onChange={(e) => p.setPasted(e.currentTarget.value)}
          data-testid="roster-paste"
        />
      )}
    </>
  );
}

function initialChoices(p: RosterPreview): Record<number, RowChoice> {
  const out: Record<number, RowChoice> = {};
  for (const r of p.rows)
    if (r.outcome === 'same') out[r.line] = { personId: r.personId, picked: false };
    else if (r.outcome === 'new') out[r.line] = { personId: null, picked: false };
  return out;
}

interface DecisionsProps {
  preview: RosterPreview;
  choices: Record<number, RowChoice>;
  setChoices: (c: Record<number, RowChoice>) => void;
  exact: boolean;
  setExact: (v: boolean) => void;
  organizationId: string | null;
  setOrganizationId: (v: string | null) => void;
  organizations: { value: string; label: string }[];
  pending: boolean;
  error: string | null;
  onPlan: (rows: ReturnType<typeof toRows>) => void;
}

function toRows(preview: RosterPreview, choices: Record<number, RowChoice>) {
  return preview.rows
    .filter((r) => r.outcome !== 'error' && choices[r.line] !== undefined)
    .map((r) => {
      const c = choices[r.line]!;
      return {
        line: r.line,
        firstName: r.firstName,
        lastName: r.lastName,
        email: r.email,
        personId: c.personId,
        picked: c.picked,
        ...(r.suggestionId ? { suggestionId: r.suggestionId } : {}),
      };
    });
}

function RosterDecisions(p: DecisionsProps) {
  const { preview, choices } = p;
  const undecided = preview.rows.filter((r) => r.outcome === 'review' && choices[r.line] === undefined).length;
  const rows = toRows(preview, choices);
  const listed = new Set(rows.map((r) => r.personId).filter((x) => x !== null));
  const removed = preview.holders.filter((h) => !listed.has(h.personId));
  const newPeople = rows.filter((r) => r.personId === null).length;
  const { counts } = preview;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Text fw={600} data-testid="roster-counts">
          {preview.rows.length} rows: {counts.same} in the instance, {counts.review} to decide, {counts.new} new,{' '}
          {counts.error} with an error
        </Text>
        {preview.ignoredColumns.length > 0 && (
          <Text size="sm" c="dimmed">
            Columns not read: {preview.ignoredColumns.join(', ')}
          </Text>
        )}
        <RosterTable
          preview={preview}
          choices={choices}
          onChoose={(line, c) => p.setChoices({ ...choices, [line]: c })}
        />
        <Checkbox
          label={`Make the roster exactly this list (takes ${preview.role.name} on ${preview.program.name} from ${removed.length} ${removed.length === 1 ? 'person' : 'people'} not on it${
            removed.length
              ? `: ${removed
                  .slice(0, 3)
                  .map((h) => h.name)
                  .join(', ')}${removed.length > 3 ? '…' : ''}`
              : ''
          })`}
          checked={p.exact}
          onChange={(e) => p.setExact(e.currentTarget.checked)}
          data-testid="roster-exact"
        />
        {newPeople > 0 && (
          <Select
            label={`Organization the ${newPeople} new ${newPeople === 1 ? 'person goes' : 'people go'} in`}
            searchable
            data={p.organizations}
            value={p.organizationId}
            onChange={p.setOrganizationId}
            error={p.organizationId ? null : 'Choose where new people go'}
            data-testid="roster-organization"
          />
        )}
        {p.error && <Alert color="red">{p.error}</Alert>}
        <Group>
          <Button
            onClick={() => p.onPlan(rows)}
            disabled={undecided > 0 || rows.length === 0 || (newPeople > 0 && !p.organizationId)}
            loading={p.pending}
            data-testid="roster-plan"
          >
            Create the plan
          </Button>
          {undecided > 0 && (
            <Text size="sm" c="orange">
              Decide the {undecided} {undecided === 1 ? 'row' : 'rows'} marked “Decide” first.
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
