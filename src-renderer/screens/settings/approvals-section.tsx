/**
 * Approvals: the administrator's own name (recorded on plans, approvals and the trail) and the
 * four-eyes rule for privileged operations. Each change is an administrator decision: the trail
 * records it.
 */
import { Loader, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifyError, useApiMutation, useApiQuery } from '../../api';
import { AdministratorNameForm } from '../../components/approvals/administrator-name-form';

export function ApprovalsSection() {
  const settings = useApiQuery('settings:get');
  const update = useApiMutation('settings:update', { onError: (e) => notifyError(e, 'Not changed') });
  const s = settings.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="settings-approvals" data-testid="approvals-section">
      <Title order={2} size="h3" id="settings-approvals" mb={4}>
        Approvals
      </Title>
      {!s ? (
        <Loader size="sm" aria-label="Loading the settings" />
      ) : (
        <Stack gap="md">
          <AdministratorNameForm key={s.administratorName ?? ''} current={s.administratorName} />
          <Switch
            checked={s.fourEyes}
            onChange={(e) => update.mutate({ fourEyes: e.currentTarget.checked })}
            disabled={update.isPending}
            label="Four-eyes for privileged operations"
            description="On: granting a privileged role or an administrator type needs a second administrator (not the plan's builder, not you) and a reason. Off: you approve them alone, still with a reason."
            data-testid="four-eyes-setting"
          />
          {!s.fourEyes && (
            <Text size="xs" c="orange">
              Four-eyes is off: privileged operations are approved by one person. The audit trail records when it was
              turned off, and by whom.
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
