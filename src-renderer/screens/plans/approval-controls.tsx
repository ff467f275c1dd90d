/**
 * Approving on the plan page: the whole plan (privileged operations excepted), the selected
 * operations, and a privileged one through the four-eyes dialog: a reason, and with four-eyes on a
 * second administrator who enters their own name here (or signs off the exported file). The first
 * approval asks for the administrator's own name once (Settings keeps it).
 */
import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconCheck, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { Operation, PlanDetail } from '../../../src-preload/contract';
import { fieldErrorsOf, toApiCallError } from '../../api';
import { AdministratorNameForm } from '../../components/approvals/administrator-name-form';
import type { PlanActions } from './use-plan-actions';

export function ApprovalButtons({ detail: d, actions }: { detail: PlanDetail; actions: PlanActions }) {
  const { planId, approve, selected } = actions;
  const { totals } = d;
  const [pendingName, setPendingName] = useState<(() => void) | null>(null);
  const [privileged, setPrivileged] = useState<Operation | null>(null);
  const guard = (next: () => void) => (d.administratorName ? next() : setPendingName(() => next));
  const chosen = d.people.flatMap((p) => p.operations).filter((o) => selected.has(o.id));
  const approveSelected = () => {
    const only = chosen.length === 1 ? chosen[0] : undefined;
    if (only?.privileged) return setPrivileged(only);
    approve.mutate({ planId, operationIds: [...selected] });
  };
  return (
    <>
      <Button
        leftSection={<IconCheck size={16} />}
        onClick={() => guard(() => approve.mutate({ planId }))}
        loading={approve.isPending && !approve.variables?.operationIds}
        disabled={totals.awaitingApproval === totals.awaitingOwnApproval}
        data-testid="approve-plan"
      >
        Approve plan
      </Button>
      <Button
        variant="light"
        onClick={() => guard(approveSelected)}
        disabled={selected.size === 0}
        data-testid="approve-selected"
      >
        Approve selected ({selected.size})
      </Button>
      <Modal
        opened={pendingName !== null}
        onClose={() => setPendingName(null)}
        title="Your name, once"
        data-testid="administrator-name-prompt"
      >
        <Text size="sm" mb="sm">
          Approvals are recorded under your own name, not the computer&apos;s login. You can change it later in
          Settings.
        </Text>
        <AdministratorNameForm
          current={null}
          submitLabel="Save and approve"
          onSaved={() => {
            const next = pendingName;
            setPendingName(null);
            next?.();
          }}
        />
      </Modal>
      {privileged && (
        <PrivilegedApprovalModal detail={d} op={privileged} actions={actions} onClose={() => setPrivileged(null)} />
      )}
    </>
  );
}

interface ModalProps {
  detail: PlanDetail;
  op: Operation;
  actions: PlanActions;
  onClose: () => void;
}

function usePrivilegedForm({ detail: d, op, actions, onClose }: ModalProps) {
  const [reason, setReason] = useState('');
  const [second, setSecond] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const { approve } = actions;
  const server = approve.error ? fieldErrorsOf(toApiCallError(approve.error)) : {};
  const formError = approve.error && Object.keys(server).length === 0 ? toApiCallError(approve.error).message : null;
  const submit = () => {
    const problems: Record<string, string> = {};
    if (reason.trim().length < 3) problems.reason = 'Say why this person needs this access.';
    if (d.fourEyes && second.trim() === '') problems.secondApprover = 'The second administrator enters their own name.';
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    approve.reset();
    const who = d.fourEyes ? { secondApprover: second.trim() } : {};
    approve.mutate(
      { planId: actions.planId, operationIds: [op.id], reason: reason.trim(), ...who },
      { onSuccess: onClose },
    );
  };
  return { reason, setReason, second, setSecond, errors: { ...server, ...local }, formError, submit };
}

function PrivilegedApprovalModal(props: ModalProps) {
  const { detail: d, op, actions, onClose } = props;
  const { approve } = actions;
  const { reason, setReason, second, setSecond, errors, formError, submit } = usePrivilegedForm(props);
  const person = d.people.find((p) => p.operations.some((o) => o.id === op.id))?.name ?? 'this person';
  return (
    <Modal opened onClose={onClose} title="Approve a privileged operation" size="lg" data-testid="privileged-approval">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Alert color="red" variant="light" icon={<IconLock size={16} />}>
            <Text size="sm" fw={500}>
              {op.summary} for {person}
            </Text>
            <Text size="xs">Built by {d.plan.createdBy}.</Text>
          </Alert>
          <Textarea
            label="Reason"
            description="Why this access is granted: recorded with the approval and in the audit trail."
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            data-testid="approval-reason"
          />
          {d.fourEyes ? (
            <TextInput
              label="Second administrator's name"
              description={`Four-eyes is on: someone other than ${d.administratorName ?? 'you'} and the plan's builder approves. They type their own name here, or use Export and sign off the file, then Import.`}
              value={second}
              onChange={(e) => setSecond(e.currentTarget.value)}
              error={errors.secondApprover}
              maxLength={80}
              data-testid="second-approver"
            />
          ) : (
            <Text size="xs" c="dimmed">
              Four-eyes is off (Settings): you approve this on your own, as {d.approver}.
            </Text>
          )}
          {formError && (
            <Alert color="red" data-testid="privileged-approval-error">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={approve.isPending} data-testid="confirm-privileged-approval">
              Approve this operation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
