/**
 * What an error boundary shows: the error's own text (so a bug report can quote it) and a way
 * back that does not lose the rest of the app.
 */
import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { FallbackProps } from 'react-error-boundary';
import { ERROR_NEXT_STEPS, toApiCallError } from '../api';

interface ErrorFallbackProps extends FallbackProps {
  /** What failed, in the administrator's words: "The People screen". */
  what: string;
  /** Offer a full reload too (the top-level boundary, where nothing else is left). */
  withReload?: boolean;
}

export function ErrorFallback({ error, resetErrorBoundary, what, withReload }: ErrorFallbackProps) {
  const apiError = toApiCallError(error);
  return (
    <Stack p="lg" maw={720} data-testid="error-fallback">
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle />}
        title={`${what} stopped with an error`}
        role="alert"
      >
        <Stack gap="xs">
          <Code block data-testid="error-text">
            {apiError.message || 'Unknown error'}
          </Code>
          <Text size="sm">{ERROR_NEXT_STEPS[apiError.code]}</Text>
          <Group gap="xs">
            <Button leftSection={<IconRefresh size={16} />} onClick={resetErrorBoundary}>
              Try again
            </Button>
            {withReload && (
              <Button variant="default" onClick={() => window.location.reload()}>
                Reload the window
              </Button>
            )}
          </Group>
        </Stack>
      </Alert>
    </Stack>
  );
}
