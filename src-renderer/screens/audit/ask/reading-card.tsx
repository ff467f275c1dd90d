/**
 * How the question was read, editable both ways: the conditions in words (each can be taken
 * out) with what the answer is (people, a count, counts per group), and the SQL itself, which the
 * administrator may rewrite and run (main checks it: one read-only SELECT over the ask views).
 */
import { Badge, Button, CloseButton, Group, Kbd, Paper, Select, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconArrowBackUp, IconPlayerPlay } from '@tabler/icons-react';
import type { AskGroup, AskQuery } from '../../../../src-preload/contract';
import type { AskController, Reading } from './use-ask';

const GROUP_LABELS: Partial<Record<AskGroup, string>> = {
  department: 'department',
  organization: 'organization',
  role: 'role',
  title: 'title',
  status: 'status',
  program: 'program',
  external: 'internal or external',
  accessType: 'access type',
  userType: 'user type',
  month: 'month',
  weekday: 'weekday',
  hour: 'hour of day',
};

const SHAPES = [
  { value: 'list', label: 'The people' },
  { value: 'count', label: 'How many people' },
  ...Object.entries(GROUP_LABELS).map(([by, label]) => ({ value: `group:${by}`, label: `How many, per ${label}` })),
];

function shapeOf(q: AskQuery): string {
  const o = q.output;
  return o.kind === 'group' ? `group:${o.by}` : o.kind;
}

/** The query with the answer's shape chosen in the list. */
function withShape(q: AskQuery, shape: string): AskQuery {
  if (shape === 'list' || shape === 'count') return { ...q, output: { kind: shape } };
  const by = shape.slice('group:'.length) as AskGroup;
  const measure = q.output.kind === 'group' ? q.output.measure : 'people';
  return { ...q, output: { kind: 'group', by, limit: null, order: 'most', measure } };
}

/** The query without one condition (`people.2`, `activity`, `actor.0`). */
function without(q: AskQuery, key: string): AskQuery {
  const [list, at] = key.split('.');
  if (list === 'activity') return { ...q, activity: null };
  const i = Number(at);
  if (list === 'people') return { ...q, people: q.people.filter((_f, k) => k !== i) };
  return { ...q, actor: q.actor.filter((_f, k) => k !== i) };
}

export function ReadingCard({ reading, ask }: { reading: Reading; ask: AskController }) {
  const { state, busy } = ask;
  const current = shapeOf(reading.query);
  const shapes = SHAPES.some((s) => s.value === current)
    ? SHAPES
    : [{ value: current, label: 'As the question asked' }, ...SHAPES];
  const queryError = state.error?.at === 'query' ? state.error.message : null;
  return (
    <Paper withBorder p="md" data-testid="ask-reading">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Read as
            </Text>
            <Text fw={500} data-testid="ask-interpretation">
              {reading.interpretation}
            </Text>
          </div>
          <Badge variant="light" color={reading.engine === 'llm' ? 'grape' : 'gray'}>
            {reading.engine === 'llm' ? 'read by the LLM' : 'read on this computer'}
          </Badge>
        </Group>
        <Group gap={6} data-testid="ask-conditions">
          {reading.parts.map((p) => (
            <Badge
              key={p.key}
              variant="outline"
              size="lg"
              tt="none"
              fw={400}
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={`Take out: ${p.text}`}
                  disabled={busy}
                  onClick={() => void ask.edit(without(reading.query, p.key))}
                />
              }
              data-testid="ask-condition"
            >
              {p.text}
            </Badge>
          ))}
          <Select
            size="xs"
            w={230}
            aria-label="Answer as"
            data={shapes}
            value={current}
            allowDeselect={false}
            disabled={busy}
            onChange={(v) => v && v !== current && void ask.edit(withShape(reading.query, v))}
            data-testid="ask-shape"
          />
        </Group>
        {state.fromSql && state.answer && (
          <Text size="sm" c="orange.8" data-testid="ask-from-sql">
            The answer below comes from the SQL as you edited it, not from the conditions above.
          </Text>
        )}
        {queryError && (
          <Text c="red" size="sm" data-testid="ask-query-error">
            {queryError}
          </Text>
        )}
        <SqlEditor ask={ask} reading={reading} />
      </Stack>
    </Paper>
  );
}

function SqlEditor({ ask, reading }: { ask: AskController; reading: Reading }) {
  const { state, busy, sqlEdited } = ask;
  return (
    <div>
      <Textarea
        label="SQL"
        description="Edit it and run it: one SELECT over people, roles, role_holdings, organizations, programs, assignments, sessions, changes. It runs read-only, stops after 5 seconds and returns at most 1,000 rows."
        autosize
        minRows={2}
        maxRows={10}
        value={state.sql}
        onChange={(e) => ask.setSql(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void ask.runSql();
        }}
        error={state.error?.at === 'sql' ? state.error.message : null}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        data-testid="ask-sql"
      />
      <Group gap="xs" mt="xs">
        <Tooltip label={<Kbd size="xs">Ctrl + Enter</Kbd>}>
          <Button
            size="xs"
            variant={sqlEdited ? 'filled' : 'default'}
            leftSection={<IconPlayerPlay size={14} />}
            disabled={busy || !state.sql.trim()}
            onClick={() => void ask.runSql()}
            data-testid="ask-run-sql"
          >
            Run this SQL
          </Button>
        </Tooltip>
        {sqlEdited && (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconArrowBackUp size={14} />}
            onClick={() => ask.setSql(reading.sql)}
          >
            Back to the SQL as read
          </Button>
        )}
      </Group>
    </div>
  );
}
