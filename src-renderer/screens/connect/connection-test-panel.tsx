/**
 * The connection test: one button, a one-line verdict ("17 of 18 functions working; 18 calls of
 * the hourly 1,000"), the per-function table, and the hourly call budget the test spent from.
 * The last test comes from main (`lastTest`), so it is there after a restart too.
 */
import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import type { CallBudgetInfo, ConnectionDetails, ConnectionTest } from '../../../src-preload/contract';
import { ERROR_NEXT_STEPS, useApiMutation } from '../../api';
import { clock } from '../../lib/format';
import { whenTested } from './format-time';
import { TestResultsTable, isWorking } from './test-results-table';

const num = (n: number) => n.toLocaleString('en');
const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;

interface ConnectionTestPanelProps {
  details: ConnectionDetails;
  /** Why a test cannot run now (unsaved changes, no functions); null when it can. */
  blockedReason: string | null;
}

export function ConnectionTestPanel({ details, blockedReason }: ConnectionTestPanelProps) {
  const instanceId = details.instance.id;
  // Silent: a failure is shown here, next to the button that caused it.
  const test = useApiMutation('connections:test', { meta: { silent: true } });
  const shown = newest(test.data, details.lastTest);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="connect-test-title">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} size="h3" id="connect-test-title">
            Connection test
          </Title>
          <Text size="sm" c="dimmed">
            Calls each function once. Reads fetch one record; write functions are only checked for token and login.
          </Text>
        </div>
        <Stack gap={4} align="flex-end">
          <Button
            leftSection={<IconPlugConnected size={16} />}
            loading={test.isPending}
            disabled={!!blockedReason}
            onClick={() => test.mutate({ instanceId })}
          >
            Test connection
          </Button>
          {blockedReason && (
            <Text size="xs" c="dimmed" maw={280} ta="right">
              {blockedReason}
            </Text>
          )}
        </Stack>
      </Group>

      <Stack gap="sm">
        <CallBudget budget={details.budget} />
        {test.error && (
          <Alert color="red" title="The test did not run" role="alert">
            {test.error.message} {ERROR_NEXT_STEPS[test.error.code]}
          </Alert>
        )}
        {test.isPending && (
          <Text size="sm" role="status">
            Calling each of the {plural(details.functions.length, 'function')} once…
            {details.instance.isSandbox &&
              ' The sandbox starts first if it is not running yet, which takes a few seconds.'}
          </Text>
        )}
        {shown ? (
          <>
            <TestSummary test={shown} limit={details.budget.limit} />
            {!shown.unreachable && <TestResultsTable test={shown} />}
          </>
        ) : (
          !test.isPending && (
            <Text size="sm" c="dimmed" data-testid="connection-test-none">
              Not tested yet. Save the connection, then press Test connection to see which functions answer.
            </Text>
          )
        )}
      </Stack>
    </Paper>
  );
}

function newest(a: ConnectionTest | undefined, b: ConnectionTest | null): ConnectionTest | null {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(a.testedAt) >= Date.parse(b.testedAt) ? a : b;
}

function TestSummary({ test, limit }: { test: ConnectionTest; limit: number }) {
  if (test.unreachable) {
    return (
      <Alert color="red" variant="light" data-testid="connection-test-summary" title="The server could not be reached">
        <Text size="sm">
          Tested {whenTested(test.testedAt)}. {test.unreachable} No call was counted against the hourly limit.
        </Text>
      </Alert>
    );
  }
  const working = test.results.filter(isWorking).length;
  const failed = test.results.filter((r) => r.status === 'failed').length;
  const color = test.ok ? 'green' : failed > 0 ? 'red' : 'yellow';
  return (
    <Alert
      color={color}
      variant="light"
      data-testid="connection-test-summary"
      title={`${working} of ${plural(test.results.length, 'function')} working; ${plural(test.calls, 'call')} of the hourly ${num(limit)}`}
    >
      <Text size="sm">
        Tested {whenTested(test.testedAt)}.{' '}
        {test.ok
          ? 'Admin Desk can use every function listed.'
          : failed > 0
            ? 'Check the red rows: the server’s own text says what it refused. Fix the token, login or function in SmartSimple or below, save, and test again.'
            : 'Some functions have no token yet: edit them below, paste their token, save and test again.'}
      </Text>
    </Alert>
  );
}

function CallBudget({ budget }: { budget: CallBudgetInfo }) {
  const share = budget.limit > 0 ? (budget.used / budget.limit) * 100 : 0;
  const color = budget.remaining === 0 ? 'red' : share >= 80 ? 'yellow' : 'blue';
  return (
    <div data-testid="call-budget">
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="sm" fw={500}>
          API calls in the last hour: {num(budget.used)} of {num(budget.limit)} used · {num(budget.remaining)} left
        </Text>
        <Text size="xs" c="dimmed">
          {budget.nextSlotAt
            ? `Limit reached: the next call is allowed at ${clock(budget.nextSlotAt)}.`
            : 'Calls are allowed now. SmartSimple counts a rolling hour per instance.'}
        </Text>
      </Group>
      <Progress
        value={share}
        color={color}
        size="sm"
        aria-label={`${num(budget.used)} of ${num(budget.limit)} hourly API calls used`}
      />
    </div>
  );
}
