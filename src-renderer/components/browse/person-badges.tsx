/**
 * The small labels a person row and page share: access type, admin level, status, and internal
 * or external. SmartSimple stores codes; these are the words its own screens use. Plain CSS tags
 * (not Mantine Badges): a table shows hundreds of them while the user types.
 */
import { Badge } from '@mantine/core';
import { Tag, TagGroup } from './tag';

/** sf_Access Type codes. */
export const ACCESS_TYPE_LABELS: Record<string, string> = { '1': 'User', '5': 'API', '0': 'No access' };
/** sf_User Type codes. */
export const USER_TYPE_LABELS: Record<string, string> = { '10': 'User', '30': 'Local admin', '40': 'Global admin' };
export const STATUS_COLORS: Record<string, string> = { Active: 'teal', Inactive: 'gray', Pending: 'yellow' };

export const accessTypeLabel = (code: string | null): string =>
  code === null || code === '' ? 'Unknown' : (ACCESS_TYPE_LABELS[code] ?? `Type ${code}`);

export function AccessBadges({ accessType, userType }: { accessType: string | null; userType: string | null }) {
  const admin = userType === '30' || userType === '40';
  return (
    <TagGroup>
      <Tag variant="outline" color={accessType === '0' ? 'gray' : accessType === '5' ? 'cyan' : 'blue'}>
        {accessTypeLabel(accessType)}
      </Tag>
      {admin && <Tag color={userType === '40' ? 'red' : 'orange'}>{USER_TYPE_LABELS[userType]}</Tag>}
    </TagGroup>
  );
}

export function StatusBadge({ status, removed }: { status: string | null; removed?: boolean }) {
  if (removed) return <Tag color="red">Removed</Tag>;
  if (!status) return null;
  return <Tag color={STATUS_COLORS[status] ?? 'blue'}>{status}</Tag>;
}

export function ExternalBadge({ isExternal }: { isExternal: boolean }) {
  return <Tag color={isExternal ? 'grape' : 'indigo'}>{isExternal ? 'External' : 'Internal'}</Tag>;
}

/** Privileged roles are flagged; undecided ones only where the decision is the point (Roles). */
export function PrivilegedBadge({
  privileged,
  showUndecided = false,
}: {
  privileged: boolean | null;
  showUndecided?: boolean;
}) {
  if (privileged === true) return <Badge color="red">Privileged</Badge>;
  if (privileged === null && showUndecided)
    return (
      <Badge color="gray" variant="outline">
        Undecided
      </Badge>
    );
  return null;
}
