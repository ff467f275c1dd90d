/** What a pasted registry gives: the problems to fix first, or the functions found and what it fills in. */
import { Alert, List, Text } from '@mantine/core';
import type { PastedFunction } from './parse-registry';

export function PasteErrors({ errors }: { errors: string[] }) {
  return (
    <Alert color="red" title="This registry cannot be used yet" role="alert" data-testid="paste-errors">
      <List size="sm" spacing={2}>
        {errors.slice(0, 30).map((e) => (
          <List.Item key={e}>{e}</List.Item>
        ))}
      </List>
      {errors.length > 30 && <Text size="sm">…and {errors.length - 30} more.</Text>}
    </Alert>
  );
}

interface PasteSummaryProps {
  functions: PastedFunction[];
  warnings: string[];
  /** The connection fields the paste also fills in ("host", "alias"…). */
  fills: string[];
}

export function PasteSummary({ functions, warnings, fills }: PasteSummaryProps) {
  return (
    <Alert
      color="green"
      title={`${functions.length} function${functions.length === 1 ? '' : 's'} found`}
      data-testid="paste-summary"
    >
      <Text size="sm">
        {functions.map((f) => f.name).join(', ')}.{fills.length > 0 && ` It also fills in the ${fills.join(', ')}.`}
      </Text>
      {warnings.length > 0 && (
        <List size="sm" mt="xs" spacing={2}>
          {warnings.map((w) => (
            <List.Item key={w}>{w}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
