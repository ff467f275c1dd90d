/**
 * Deactivate an organization's people (and its sub-organizations' when ticked): the preview says
 * how many can still sign in and will be deactivated, exactly what changes for them, and that the
 * others stay as they are. The organization record itself is not changed.
 */
import { Checkbox, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { OrganizationNode } from '../../../src-preload/contract';
import { ActionDialog } from './action-dialog';

interface Props {
  instanceId: string;
  organization: OrganizationNode;
  onClose: () => void;
}

export function DeactivateOrganizationDialog({ instanceId, organization: org, onClose }: Props) {
  const hasChildren = org.children.length > 0;
  const [withSubs, setWithSubs] = useState(hasChildren);
  const inScope = withSubs ? org.totalPeople : org.people;
  return (
    <ActionDialog
      instanceId={instanceId}
      opened
      onClose={onClose}
      title={`Deactivate the people of ${org.name}?`}
      work={{ kind: 'deactivateOrganization', organizationId: org.id, includeSubOrganizations: withSubs }}
      submitLabel="Add the deactivations to the plan"
      color="red"
      testId="deactivate-organization-dialog"
      previewNote={(p) =>
        inScope > p.added && (
          <Text size="sm" c="dimmed" data-testid="organization-unchanged">
            {(inScope - p.added).toLocaleString()} of the {inScope.toLocaleString()} already cannot sign in (or are
            already in the plan) and stay as they are.
          </Text>
        )
      }
    >
      <Stack gap="xs">
        <Text size="sm">
          {inScope.toLocaleString()} {inScope === 1 ? 'person is' : 'people are'} in {org.name}
          {withSubs && hasChildren ? ' and its sub-organizations' : ''}. Everyone of them who can still sign in is
          deactivated: access type No access, status Inactive, administrator rights back to a plain user, privileged
          profile roles removed. People who already cannot sign in stay as they are. The organization record itself is
          not changed.
        </Text>
        {hasChildren && (
          <Checkbox
            label={`Include its ${org.children.length} sub-organization${org.children.length === 1 ? '' : 's'} (${org.totalPeople.toLocaleString()} people in all)`}
            checked={withSubs}
            onChange={(e) => setWithSubs(e.currentTarget.checked)}
            data-testid="include-sub-organizations"
          />
        )}
      </Stack>
    </ActionDialog>
  );
}
