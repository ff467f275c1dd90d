/**
 * Access for one person or a list of people: access type, admin level, status and the access
 * expiry, each left as it is unless chosen. Codes travel; the dialog speaks in SmartSimple's words.
 */
import { Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { BulkActionInput } from '../../../src-preload/contract';
import { ACCESS_TYPE_LABELS, USER_TYPE_LABELS } from '../browse/person-badges';
import { ActionDialog } from './action-dialog';
import { actionFor, type ActionTarget } from './action-target';

type Expiry = 'keep' | 'set' | 'clear';

interface Props {
  instanceId: string;
  target: ActionTarget;
  onClose: () => void;
  /** One person's access now, said beside each choice. */
  current?: { accessType: string | null; userType: string | null; status: string | null; accessExpiry: string | null };
  /** Open on the expiry (the "Set access expiry" action). */
  focusExpiry?: boolean;
}

const KEEP = { value: '', label: 'Leave as it is' };
const options = (labels: Record<string, string>) => [
  KEEP,
  ...Object.entries(labels).map(([value, label]) => ({ value, label })),
];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function actionOf(v: { accessType: string; userType: string; status: string; expiry: Expiry; day: string }) {
  const action: Extract<BulkActionInput, { kind: 'set_access' }> = { kind: 'set_access' };
  if (v.accessType) action.accessType = v.accessType;
  if (v.userType) action.userType = v.userType;
  if (v.status) action.status = v.status as 'Active';
  if (v.expiry === 'clear') action.expiresOn = '';
  if (v.expiry === 'set' && DAY.test(v.day)) action.expiresOn = v.day;
  return Object.keys(action).length > 1 ? action : null;
}

export function AccessDialog({ instanceId, target, onClose, current, focusExpiry }: Props) {
  const [accessType, setAccessType] = useState('');
  const [userType, setUserType] = useState('');
  const [status, setStatus] = useState('');
  const [expiry, setExpiry] = useState<Expiry>(focusExpiry ? 'set' : 'keep');
  const [day, setDay] = useState(current?.accessExpiry?.slice(0, 10) ?? '');
  const dayError = expiry === 'set' && !DAY.test(day) ? 'Pick the day the access ends.' : null;
  const action = actionOf({ accessType, userType, status, expiry, day });
  const now = (text: string | null | undefined) => (current ? `Now: ${text || 'not set'}` : undefined);
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title={`Access of ${target.name}`}
      work={action && !dayError ? actionFor(target, action) : null}
      blocked={action ? null : 'Choose at least one change.'}
      testId="access-dialog"
    >
      <Stack gap="xs">
        <Group grow align="flex-start">
          <Select
            label="Access type"
            description={now(current?.accessType ? ACCESS_TYPE_LABELS[current.accessType] : null)}
            data={options(ACCESS_TYPE_LABELS)}
            value={accessType}
            onChange={(v) => setAccessType(v ?? '')}
            allowDeselect={false}
            data-autofocus={!focusExpiry || undefined}
            data-testid="access-type-select"
          />
          <Select
            label="Admin level"
            description={now(current?.userType ? USER_TYPE_LABELS[current.userType] : null)}
            data={options(USER_TYPE_LABELS)}
            value={userType}
            onChange={(v) => setUserType(v ?? '')}
            allowDeselect={false}
            data-testid="admin-level-select"
          />
          <Select
            label="Status"
            description={now(current?.status)}
            data={[KEEP, ...['Active', 'Inactive', 'Pending'].map((s) => ({ value: s, label: s }))]}
            value={status}
            onChange={(v) => setStatus(v ?? '')}
            allowDeselect={false}
            data-testid="status-select"
          />
        </Group>
        <ExpiryFields
          expiry={expiry}
          setExpiry={setExpiry}
          day={day}
          setDay={setDay}
          error={dayError}
          now={now(current?.accessExpiry?.slice(0, 10))}
          autofocus={focusExpiry}
        />
        {(userType === '30' || userType === '40') && (
          <Text size="xs" c="orange">
            An administrator level is privileged: approving it needs a reason and a second administrator.
          </Text>
        )}
      </Stack>
    </ActionDialog>
  );
}

interface ExpiryProps {
  expiry: Expiry;
  setExpiry: (e: Expiry) => void;
  day: string;
  setDay: (d: string) => void;
  error: string | null;
  now: string | undefined;
  autofocus: boolean | undefined;
}

function ExpiryFields({ expiry, setExpiry, day, setDay, error, now, autofocus }: ExpiryProps) {
  return (
    <Group grow align="flex-start">
      <Select
        label="Access expiry"
        description={now}
        data={[
          { value: 'keep', label: 'Leave as it is' },
          { value: 'set', label: 'Ends on a day' },
          { value: 'clear', label: 'Never ends (remove the expiry)' },
        ]}
        value={expiry}
        onChange={(v) => setExpiry((v as Expiry | null) ?? 'keep')}
        allowDeselect={false}
        data-testid="expiry-select"
      />
      <TextInput
        type="date"
        label="Ends on"
        value={day}
        onChange={(e) => setDay(e.currentTarget.value)}
        disabled={expiry !== 'set'}
        error={error}
        data-autofocus={autofocus || undefined}
        data-testid="expiry-day"
      />
    </Group>
  );
}
