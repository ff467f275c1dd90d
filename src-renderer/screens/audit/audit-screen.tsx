/**
 * Audit: tabs over what an auditor reads. "Trail" (first) is the local audit trail in words;
 * "Ask" answers questions in plain language (ask/); further tabs (findings, risk) each live in
 * their own file or folder here.
 */
import { Tabs } from '@mantine/core';
import { IconListDetails, IconMessageQuestion } from '@tabler/icons-react';
import { ScreenHeader } from '../../components/screen-header';
import { AskTab } from './ask/ask-tab';
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
          <Tabs.Tab value="ask" leftSection={<IconMessageQuestion size={16} />} data-testid="tab-ask">
            Ask
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="trail">
          <TrailTab />
        </Tabs.Panel>
        <Tabs.Panel value="ask">
          <AskTab />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
