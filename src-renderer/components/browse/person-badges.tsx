/**
 * The small labels a person row and page share: access type, admin level, status, and internal
 * or external. SmartSimple stores codes; these are the words its own screens use.
 */
import { Badge, Group } from '@mantine/core';

/** sf_Access Type codes. */
export const ACCESS_TYPE_LABELS: Record<string, string> = { '1': 'User', '5': 'API', '0': 'No access' };
/** sf_User Type codes. */
export const USER_TYPE_LABELS: Record<string, string> = { '10': 'User', '30': 'Local admin', '40': 'Global admin' };
export const STATUS_COLORS: Record<string, string> = { Active: 'teal', Inactive: 'gray', Pending: 'yellow' };

export const accessTypeLabel = (code: string | null): string => (code === null || code === '' ? 'Unknown' : (ACCESS_TYPE_LABELS[code] ?? `Type ${code}`));

export function AccessBadges({ accessType, userType }: { accessType: string | null; userType: string | null }) {
  const admin = userType === '30' || userType === '40';
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={accessType === '0' ? 'gray' : accessType === '5' ? 'cyan' : 'blue'} variant="outline">
        {accessTypeLabel(accessType)}
      </Badge>
      {admin && <Badge color={userType === '40' ? 'red' : 'orange'}>{USER_TYPE_LABELS[userType]}</Badge>}
    </Group>
  );
}

export function StatusBadge({ status, removed }: { status: string | null; removed?: boolean }) {
  if (removed) return <Badge color="red">Removed</Badge>;
  if (!status) return null;
  return <Badge color={STATUS_COLORS[status] ?? 'blue'}>{status}</Badge>;
}

export function ExternalBadge({ isExternal }: { isExternal: boolean }) {
  return <Badge color={isExternal ? 'grape' : 'indigo'}>{isExternal ? 'External' : 'Internal'}</Badge>;
}

/** Privileged roles are flagged; undecided ones only where the decision is the point (Roles). */
export function PrivilegedBadge({ privileged, showUndecided = false }: { privileged: boolean | null; showUndecided?: boolean }) {
  if (privileged === true) return <Badge color="red">Privileged</Badge>;
  if (privileged === null && showUndecided) return <Badge color="gray" variant="outline">Undecided</Badge>;
  return null;
}
