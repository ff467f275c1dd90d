/**
 * Password reset: SmartConnect (the API Admin Desk works through) has no call that sets, resets or
 * sends a password, so this says so and what to do instead, rather than pretend. Nothing is added
 * to a plan.
 */
import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';

export function PasswordResetDialog({ name, onClose }: { name: string; onClose: () => void }) {
  return (
    <Modal
      opened
      onClose={onClose}
      title={`Reset the password of ${name}`}
      size="lg"
      data-testid="password-reset-dialog"
    >
      <Stack gap="sm">
        <Alert color="blue" icon={<IconInfoCircle size={16} />} title="Not possible from Admin Desk">
          SmartSimple&apos;s API (SmartConnect) has no call that resets, sets or sends a password, so Admin Desk cannot
          put a reset in a plan.
        </Alert>
        <Text size="sm">To reset it in SmartSimple itself:</Text>
        <List size="sm" type="ordered" spacing={4}>
          <List.Item>Open the person&apos;s profile in SmartSimple, then Roles and Access.</List.Item>
          <List.Item>
            Choose <b>Send Password</b>: SmartSimple e-mails them a new one. (Set Password exists too; SmartSimple
            advises against it.)
          </List.Item>
          <List.Item>
            If their access was disabled for inactivity, reactivate them here first (a plan), then send the password.
          </List.Item>
        </List>
        <Text size="xs" c="dimmed">
          The reset then shows in SmartSimple&apos;s Access Modification log, which the next sync brings into this
          person&apos;s access changes.
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            Close
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
