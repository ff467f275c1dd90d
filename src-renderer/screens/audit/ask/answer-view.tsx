/**
 * The answer: how many rows and how long it took, a chart where one fits (counts per group, the
 * people with the most), the rows as a table (people's names open their page), and the
 * evidence exports (CSV, PDF) and saving the question.
 */
import { BarChart } from '@mantine/charts';
import { Alert, Anchor, Button, Group, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { IconBookmark, IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import type { AskAnswer } from '../../../../src-preload/contract';
import { countOf } from '../../../lib/format';

const CHART_BARS = 40;

/**
 * The chart's bars: a label (the name, or the first column) and the last column's number. The
 * "(none)" group (people without a department, say) stays in the table but not in the chart,
 * where it would dwarf the others; the caption says so.
 */
export function chartData(answer: AskAnswer): { bars: { label: string; value: number }[]; leftOut: string | null } {
  const { columns, rows } = answer.table;
  const nameAt = columns.indexOf('name');
  const labelAt = nameAt >= 0 ? nameAt : 0;
  const all = rows
    .map((r) => ({ label: String(r[labelAt] ?? '(none)'), value: Number(r[columns.length - 1]) }))
    .filter((d) => Number.isFinite(d.value));
  const none = all.find((d) => d.label === '(none)');
  const bars = all.filter((d) => d !== none || all.length === 1).slice(0, CHART_BARS);
  const notes = [
    none && bars.length < all.length
      ? `"(none)" (${none.value.toLocaleString('en-US')}) is left out of the chart.`
      : null,
    all.length > CHART_BARS
      ? `The chart shows the first ${CHART_BARS} of ${all.length.toLocaleString('en-US')}.`
      : null,
  ].filter(Boolean);
  return { bars, leftOut: notes.length ? notes.join(' ') : null };
}

function AnswerChart({ answer }: { answer: AskAnswer }) {
  const { bars, leftOut } = chartData(answer);
  if (bars.length < 2) return null;
  const valueName = answer.table.columns.at(-1) ?? 'value';
  const long = bars.some((d) => d.label.length > 12) || bars.length > 12;
  return (
    <>
      <BarChart
        h={long ? Math.min(60 + bars.length * 26, 560) : 260}
        data={bars}
        dataKey="label"
        orientation={long ? 'vertical' : 'horizontal'}
        series={[{ name: 'value', label: valueName, color: 'blue.6' }]}
        yAxisProps={long ? { width: 190 } : {}}
        gridAxis={long ? 'x' : 'y'}
        withBarValueLabel
        valueLabelProps={{ position: long ? 'right' : 'top', fill: 'var(--mantine-color-text)', fontSize: 12 }}
        data-testid="ask-chart"
      />
      {leftOut && (
        <Text size="xs" c="dimmed" mt={4}>
          {leftOut}
        </Text>
      )}
    </>
  );
}

function Cell({ answer, row, column }: { answer: AskAnswer; row: AskAnswer['table']['rows'][number]; column: number }) {
  const value = row[column];
  const name = answer.table.columns[column];
  const idAt = answer.table.columns.indexOf('id');
  if (answer.kind === 'people' && name === 'name' && idAt >= 0)
    return (
      <Anchor href={`#/people/${String(row[idAt])}`} size="sm">
        {String(value ?? '')}
      </Anchor>
    );
  return <>{value === null ? '' : String(value)}</>;
}

interface Props {
  answer: AskAnswer;
  exporting: 'csv' | 'pdf' | null;
  onExport: (format: 'csv' | 'pdf') => void;
  onSave: () => void;
  saving: boolean;
}

function AnswerActions({ exporting, onExport, onSave, saving }: Omit<Props, 'answer'>) {
  return (
    <Group gap="xs">
      <Button size="xs" variant="default" leftSection={<IconBookmark size={14} />} onClick={onSave} loading={saving}>
        Save question
      </Button>
      {(['csv', 'pdf'] as const).map((format) => (
        <Button
          key={format}
          size="xs"
          variant="default"
          leftSection={format === 'csv' ? <IconFileTypeCsv size={14} /> : <IconFileTypePdf size={14} />}
          loading={exporting === format}
          disabled={exporting !== null}
          onClick={() => onExport(format)}
          data-testid={`ask-export-${format}`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}

function AnswerTable({ answer }: { answer: AskAnswer }) {
  return (
    <ScrollArea.Autosize mah={460} mt="sm" type="auto">
      <Table striped stickyHeader verticalSpacing={4} fz="sm" data-testid="ask-table">
        <Table.Thead>
          <Table.Tr>
            {answer.table.columns.map((c) => (
              <Table.Th key={c}>{c}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {answer.table.rows.map((r, i) => (
            <Table.Tr key={i} data-testid="ask-row">
              {answer.table.columns.map((c, k) => (
                <Table.Td key={c}>
                  <Cell answer={answer} row={r} column={k} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

export function AnswerView({ answer, ...actions }: Props) {
  const rows = answer.table.rows;
  const unit = answer.kind === 'people' ? ['person', 'people'] : ['row', 'rows'];
  return (
    <Paper withBorder p="md" data-testid="ask-answer">
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed" data-testid="ask-answer-count">
          {countOf(rows.length, unit[0]!, unit[1])} in {answer.ms.toLocaleString('en-US')} ms
        </Text>
        <AnswerActions {...actions} />
      </Group>
      {answer.truncated && (
        <Alert color="yellow" mb="sm">
          Only the first {rows.length.toLocaleString('en-US')} rows are shown and exported. Narrow the question to see
          the rest.
        </Alert>
      )}
      {answer.chart && <AnswerChart answer={answer} />}
      {rows.length === 0 ? (
        <Text c="dimmed" ta="center" py="lg" data-testid="ask-empty">
          No {unit[1]} match. Widen the dates or take out a condition.
        </Text>
      ) : (
        <AnswerTable answer={answer} />
      )}
    </Paper>
  );
}
