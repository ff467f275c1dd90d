/**
 * Describe the change: a sentence ("give everyone in Finance the Report Viewer role") read into
 * its interpretation in words, the action, and the selection as the same editable SQL as Ask
 * (checked by Ask's guard when edited), with the people and operations it would make. Confirm makes
 * the draft plan (then opened, with its consequences). A sentence it cannot read gets the nearest
 * sentences it can, one click away.
 */
import { Alert, Badge, Button, Code, Group, List, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import type { ChangeReading, Instance } from '../../../src-preload/contract';
import { useApiMutation } from '../../api';
import { formatNumber } from '../../lib/format';

type Reading = Extract<ChangeReading, { ok: true }>;
const OPERATIONS_SHOWN = 8;

export function DescribeChangeBox({ instance, onBuilt }: { instance: Instance; onBuilt: (planId: string) => void }) {
  const [sentence, setSentence] = useState('');
  const [sql, setSql] = useState('');
  const describe = useApiMutation('lifecycle:describe', { onSuccess: (r) => setSql(r.ok ? r.sql : '') });
  const preview = useApiMutation('lifecycle:preview');
  const create = useApiMutation('lifecycle:createPlan', { onSuccess: (r) => onBuilt(r.plan.id) });
  const read = (text: string) => {
    if (!text.trim()) return;
    setSentence(text);
    preview.reset();
    create.reset();
    describe.mutate({ instanceId: instance.id, sentence: text.trim() });
  };
  const first = describe.data;
  const edited = preview.data?.ok ? preview.data : null;
  const reading: Reading | null = edited ?? (first?.ok ? first : null);
  const sqlEdited = !!first?.ok && sql.trim() !== first.sql.trim();
  return (
    <Paper withBorder p="md" mb="md" data-testid="describe-change">
      <Stack gap="sm">
        <Group gap="xs">
          <IconSparkles size={18} />
          <Text fw={600}>Describe the change</Text>
          <Text size="sm" c="dimmed">
            in your words; nothing changes until you approve the plan
          </Text>
        </Group>
        <Group align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            aria-label="Describe the change"
            placeholder="e.g. remove the Report Viewer role from external people who have not logged in since June"
            value={sentence}
            onChange={(e) => setSentence(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && read(sentence)}
            data-testid="describe-sentence"
          />
          <Button onClick={() => read(sentence)} loading={describe.isPending} data-testid="describe-read">
            Read
          </Button>
        </Group>
        {describe.error && <Alert color="red">{describe.error.message}</Alert>}
        {first && !first.ok && <Refusal message={first.message} suggestions={first.suggestions} onPick={read} />}
        {reading && (
          <ReadingView
            reading={reading}
            sql={sql}
            onSql={setSql}
            sqlEdited={sqlEdited}
            previewing={preview.isPending}
            previewError={preview.error?.message ?? null}
            onPreview={() =>
              preview.mutate({ instanceId: instance.id, sentence: reading.sentence, action: reading.action, sql })
            }
            creating={create.isPending}
            createError={create.error?.message ?? null}
            onCreate={() =>
              create.mutate({
                instanceId: instance.id,
                sentence: reading.sentence,
                action: reading.action,
                engine: reading.engine,
                ...(edited || sqlEdited ? { sql } : { query: reading.query }),
              })
            }
          />
        )}
      </Stack>
    </Paper>
  );
}

interface ViewProps {
  reading: Reading;
  sql: string;
  onSql: (sql: string) => void;
  sqlEdited: boolean;
  previewing: boolean;
  previewError: string | null;
  onPreview: () => void;
  creating: boolean;
  createError: string | null;
  onCreate: () => void;
}

function ReadingView(p: ViewProps) {
  const r = p.reading;
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="describe-interpretation">
        {r.interpretation}
        {r.engine === 'llm' && (
          <Badge ml="xs" size="xs" variant="light">
            read by the LLM
          </Badge>
        )}
      </Text>
      <Group gap="xs">
        <Text size="sm" c="dimmed">
          Action:
        </Text>
        <Code data-testid="describe-action">{r.actionText}</Code>
      </Group>
      <Textarea
        label="Who: the selection as SQL (edit it to change who is selected)"
        autosize
        minRows={2}
        maxRows={8}
        styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
        value={p.sql}
        onChange={(e) => p.onSql(e.currentTarget.value)}
        error={p.previewError}
        data-testid="describe-sql"
      />
      {p.sqlEdited && (
        <Group>
          <Button
            size="compact-sm"
            variant="light"
            onClick={p.onPreview}
            loading={p.previewing}
            data-testid="describe-preview"
          >
            Select with the edited SQL
          </Button>
        </Group>
      )}
      <OperationsPreview reading={r} />
      {p.createError && <Alert color="red">{p.createError}</Alert>}
      <Group>
        <Button
          onClick={p.onCreate}
          loading={p.creating}
          disabled={r.operations.length === 0}
          data-testid="describe-confirm"
        >
          Create the draft plan ({formatNumber(r.operations.length)} operations)
        </Button>
        <Text size="xs" c="dimmed">
          Each operation records this sentence as its reason; the plan goes through review and approval as usual.
        </Text>
      </Group>
    </Stack>
  );
}

function Refusal(p: { message: string; suggestions: string[]; onPick: (s: string) => void }) {
  return (
    <Alert color="yellow" title="Not understood" data-testid="describe-refused">
      <Text size="sm">{p.message}</Text>
      <Group gap="xs" mt="xs">
        {p.suggestions.map((s) => (
          <Button
            key={s}
            size="compact-sm"
            variant="light"
            onClick={() => p.onPick(s)}
            data-testid="describe-suggestion"
          >
            {s}
          </Button>
        ))}
      </Group>
    </Alert>
  );
}

/** The first operations and who is left out, with why. */
function OperationsPreview({ reading: r }: { reading: Reading }) {
  return (
    <>
      <Text size="sm" data-testid="describe-counts">
        {formatNumber(r.people.length)} people selected · {formatNumber(r.operations.length)} operations ·{' '}
        {formatNumber(r.unchanged.length)} left out (nothing to change for them)
      </Text>
      {r.operations.length > 0 && (
        <List size="sm" spacing={2} data-testid="describe-operations">
          {r.operations.slice(0, OPERATIONS_SHOWN).map((o) => (
            <List.Item key={`${o.personId}:${o.summary}`}>
              {o.personName}: {o.summary}
            </List.Item>
          ))}
          {r.operations.length > OPERATIONS_SHOWN && (
            <List.Item>… and {formatNumber(r.operations.length - OPERATIONS_SHOWN)} more</List.Item>
          )}
        </List>
      )}
      {r.unchanged.length > 0 && (
        <Text size="xs" c="dimmed">
          Left out:{' '}
          {r.unchanged
            .slice(0, 3)
            .map((u) => (u.reason.includes(u.name) ? u.reason : `${u.name}: ${u.reason}`))
            .join('; ')}
          {r.unchanged.length > 3 ? '; …' : ''}
        </Text>
      )}
    </>
  );
}
