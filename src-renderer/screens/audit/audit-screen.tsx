/**
 * Audit: tabs over what an auditor reads. "Trail" (first) is the local audit trail in words;
 * further tabs (findings, risk, questions) each live in their own file in this folder.
 */
import { Tabs } from '@mantine/core';
import { IconListDetails } from '@tabler/icons-react';
import { ScreenHeader } from '../../components/screen-header';
import { TrailTab } from './trail-tab';

export function AuditScreen() {
  return (
    <div data-testid="screen-audit">
      <ScreenHeader
        title="Audit"
        description="Who did what, to whom, and why: every plan, approval, apply and administrator decision on this computer."
      />
      <Tabs defaultValue="trail" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="trail" leftSection={<IconListDetails size={16} />} data-testid="tab-trail">
            Trail
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="trail">
          <TrailTab />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
