/**
 * One plan: what it changes (diff per person), totals, warnings, calls against the hourly budget,
 * approvals (selected operations, or the whole plan minus privileged ones), export/import, apply
 * with live progress, results, and the undo plan.
 */
import {
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  List,
  Loader,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconArrowLeft,
  IconCheck,
  IconDownload,
  IconInfoCircle,
  IconPlayerPlay,
  IconSend,
  IconTrash,
  IconUpload,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { Instance, Operation, ReviewWarning } from '../../../src-preload/contract';
import { callApi, notifyError, notifySuccess, useApiMutation, useApiQuery } from '../../api';
import { dayTime, formatNumber } from '../../lib/format';
import { PlanApplyPanel } from './plan-apply-panel';
import { PlanDiff } from './plan-diff';
import { downloadText, RISK_COLOR, STATE_COLOR, STATE_LABEL, topRisk } from './plan-format';
import { usePlanVocabulary } from './use-plan-vocabulary';

const WARNING_ICON = { info: IconInfoCircle, warning: IconAlertTriangle, danger: IconAlertCircle } as const;
const WARNING_COLOR = { info: 'blue', warning: 'yellow', danger: 'red' } as const;

interface Props {
  instance: Instance;
  planId: string;
  onOpen: (planId: string) => void;
  onBack: () => void;
}

export function PlanPage({ instance, planId, onOpen, onBack }: Props) {
  const detail = useApiQuery('plans:get', { instanceId: instance.id, planId });
  const vocab = usePlanVocabulary(instance.id);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const onError = (title: string) => (e: unknown) => notifyError(e, title);
  const submit = useApiMutation('plans:submit', { onError: onError('Not submitted') });
  const approve = useApiMutation('plans:approve', {
    onSuccess: (r) => {
      setSelected(new Set());
      notifySuccess(
        r.needOwnApproval.length
          ? `${r.needOwnApproval.length} privileged operations still need their own approval.`
          : 'Approved.',
        'Approval recorded',
      );
    },
    onError: onError('Not approved'),
  });
  const discard = useApiMutation('plans:discard', { onSuccess: onBack, onError: onError('Not discarded') });
  const apply = useApiMutation('plans:apply', { onError: onError('Apply did not start') });
  const undo = useApiMutation('plans:undo', { onSuccess: (r) => onOpen(r.plan.id), onError: onError('No undo plan') });

  if (detail.isLoading) return <Loader size="sm" aria-label="Loading the plan" />;
  if (!detail.data) return <Alert color="red">{detail.error?.message ?? 'The plan could not be read.'}</Alert>;
  const d = detail.data;
  const { plan, totals, estimate } = d;
  const reviewable = plan.state === 'in_review' || plan.state === 'approved';
  const applied = ['applied', 'partially_applied', 'failed'].includes(plan.state);
  const risk = topRisk(totals.byRisk);

  const toggle = (op: Operation, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(op.id);
      else next.delete(op.id);
      return next;
    });
  const exportAs = async (format: 'json' | 'csv') => {
    try {
      downloadText(await callApi('plans:export', { planId, format }));
    } catch (e) {
      notifyError(e, 'Not exported');
    }
  };
  const importFile = async (file: File | null) => {
    if (!file) return;
    try {
      const r = await callApi('plans:import', { planId, text: await file.text() });
      notifySuccess(
        `${r.imported} approvals imported${r.skipped.length ? `; ${r.skipped.length} skipped` : ''}.`,
        'Imported',
      );
    } catch (e) {
      notifyError(e, 'Not imported');
    }
  };
  const confirmApply = () =>
    modals.openConfirmModal({
      title: `Apply "${plan.title}" to ${instance.name}?`,
      children: (
        <Stack gap={4}>
          <Text size="sm">
            {formatNumber(totals.operations)} operations on {formatNumber(totals.people)} people; risk <b>{risk}</b>
            {totals.privileged ? `, ${totals.privileged} privileged` : ''}.
          </Text>
          <Text size="sm">
            Uses about {formatNumber(estimate.total)} calls; {formatNumber(d.budget.remaining)} left this hour.
          </Text>
          <Text size="xs" c="dimmed">
            People changed on the server since planning are skipped, never overwritten. A note is written on each
            changed person.
          </Text>
        </Stack>
      ),
      labels: { confirm: 'Apply', cancel: 'Not now' },
      confirmProps: { color: risk === 'high' ? 'red' : 'blue', 'data-testid': 'confirm-apply' } as never,
      onConfirm: () => apply.mutate({ planId }),
    });

  return (
    <Stack gap="md" data-testid="plan-page">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} align="flex-start">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconArrowLeft size={16} />}
            onClick={onBack}
            aria-label="Back to plans"
          >
            All plans
          </Button>
          <div>
            <Group gap="xs">
              <Title order={2}>{plan.title}</Title>
              <Badge color={STATE_COLOR[plan.state]} data-testid="plan-state">
                {STATE_LABEL[plan.state]}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {plan.origin === 'undo' ? 'Undo plan' : `From ${plan.origin}`} · created by {plan.createdBy}{' '}
              {dayTime(plan.createdAt)} · updated {dayTime(plan.updatedAt)}
              {plan.appliedBy ? ` · applied by ${plan.appliedBy}` : ''}
            </Text>
          </div>
        </Stack>
        <Group gap="xs">
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" leftSection={<IconDownload size={16} />}>
                Export
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportAs('json')}>JSON (for a second administrator)</Menu.Item>
              <Menu.Item onClick={() => void exportAs('csv')}>CSV (for a spreadsheet)</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {reviewable && (
            <FileButton onChange={(f) => void importFile(f)} accept=".json,.csv,application/json,text/csv">
              {(props) => (
                <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
                  Import approvals
                </Button>
              )}
            </FileButton>
          )}
          {['draft', 'in_review', 'approved'].includes(plan.state) && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => discard.mutate({ planId })}
            >
              Discard
            </Button>
          )}
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat
          label="Operations"
          value={formatNumber(totals.operations)}
          hint={`${formatNumber(totals.people)} people`}
        />
        <Stat
          label="Approved"
          value={`${totals.approved} / ${totals.operations}`}
          hint={
            totals.awaitingOwnApproval
              ? `${totals.awaitingOwnApproval} need their own approval`
              : 'privileged ones one by one'
          }
        />
        <Stat
          label="Risk"
          value={<Badge color={RISK_COLOR[risk]}>{risk}</Badge>}
          hint={`${totals.byRisk.high} high · ${totals.byRisk.medium} medium · ${totals.byRisk.low} low`}
        />
        <Stat
          label="API calls"
          value={`uses ${formatNumber(estimate.total)} calls`}
          hint={`${formatNumber(d.budget.remaining)} left this hour${estimate.budget && !estimate.budget.fitsNow ? ' — waits for the hourly limit' : ''}`}
          testId="plan-estimate"
        />
      </SimpleGrid>

      {d.warnings.length > 0 && <Warnings warnings={d.warnings} />}

      <Group gap="xs">
        {plan.state === 'draft' && (
          <Button
            leftSection={<IconSend size={16} />}
            onClick={() => submit.mutate({ planId })}
            loading={submit.isPending}
            disabled={totals.operations === 0}
            data-testid="submit-plan"
          >
            Submit for review
          </Button>
        )}
        {reviewable && (
          <>
            <Button
              leftSection={<IconCheck size={16} />}
              onClick={() => approve.mutate({ planId })}
              loading={approve.isPending && !approve.variables?.operationIds}
              disabled={totals.awaitingApproval === totals.awaitingOwnApproval}
              data-testid="approve-plan"
            >
              Approve plan
            </Button>
            <Button
              variant="light"
              onClick={() => approve.mutate({ planId, operationIds: [...selected] })}
              disabled={selected.size === 0}
              data-testid="approve-selected"
            >
              Approve selected ({selected.size})
            </Button>
          </>
        )}
        {(plan.state === 'approved' || d.canResume) && !d.applyJobId && (
          <Button
            color="green"
            leftSection={<IconPlayerPlay size={16} />}
            onClick={d.canResume ? () => apply.mutate({ planId }) : confirmApply}
            loading={apply.isPending}
            data-testid="apply-plan"
          >
            {d.canResume ? 'Resume apply' : 'Apply'}
          </Button>
        )}
        {applied && (
          <Button
            variant="light"
            onClick={() => undo.mutate({ planId })}
            loading={undo.isPending}
            data-testid="create-undo"
          >
            Create undo plan
          </Button>
        )}
        {d.undoPlans.map((u) => (
          <Button key={u.id} variant="subtle" onClick={() => onOpen(u.id)}>
            Open {u.title} ({STATE_LABEL[u.state as keyof typeof STATE_LABEL] ?? u.state})
          </Button>
        ))}
        {plan.undoOf && (
          <Button variant="subtle" onClick={() => onOpen(plan.undoOf as string)}>
            Open the plan it undoes
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        You approve and apply as {d.approver}.
      </Text>

      {(d.applyJobId || plan.state === 'applying' || applied) && (
        <PlanApplyPanel
          planId={planId}
          jobId={d.applyJobId}
          names={new Map(d.people.map((p) => [p.personId, p.name]))}
        />
      )}

      {totals.operations === 0 ? (
        <Paper withBorder p="lg">
          <Text size="sm" c="dimmed">
            This plan has no operations yet.
          </Text>
        </Paper>
      ) : (
        <PlanDiff
          people={d.people}
          roleName={vocab.roleName}
          selectable={reviewable}
          selected={selected}
          onToggle={toggle}
        />
      )}
    </Stack>
  );
}

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: React.ReactNode;
  hint: string;
  testId?: string;
}) {
  return (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700}>{value}</Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

function Warnings({ warnings }: { warnings: ReviewWarning[] }) {
  return (
    <Paper withBorder p="sm" data-testid="plan-warnings">
      <Text size="sm" fw={600} mb={4}>
        {warnings.length} warnings
      </Text>
      <List spacing={4} size="sm">
        {warnings.slice(0, 100).map((w, i) => {
          const Icon = WARNING_ICON[w.severity];
          return (
            <List.Item key={i} icon={<Icon size={16} color={`var(--mantine-color-${WARNING_COLOR[w.severity]}-6)`} />}>
              {w.message}
            </List.Item>
          );
        })}
      </List>
    </Paper>
  );
}
