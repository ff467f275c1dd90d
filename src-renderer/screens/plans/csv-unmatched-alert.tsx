/** The CSV rows that matched no one and the other problems, with the way to the partial plan. */
import { Alert, Button, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { CsvOutcome } from './use-csv-plan-build';

export function CsvUnmatchedAlert({ outcome, onOpen }: { outcome: CsvOutcome; onOpen: (planId: string) => void }) {
  return (
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
        <Button size="xs" mt="sm" onClick={() => onOpen(outcome.planId as string)}>
          Open the plan with the rows that matched
        </Button>
      )}
    </Alert>
  );
}
