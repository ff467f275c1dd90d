/**
 * Help desk: "why can't this person see that?" answered from the mirror (the troubleshooter, with
 * fixes as plans, resets and a ticket draft), the guide and past resolutions searched from one
 * box with citations, and the earlier checks of the instance.
 */
import { Tabs } from '@mantine/core';
import { IconHistory, IconSearch, IconStethoscope } from '@tabler/icons-react';
import type { Instance } from '../../../src-preload/contract';
import { BrowseGate } from '../../components/browse/browse-gate';
import { ScreenHeader } from '../../components/screen-header';
import { HelpSearch } from './help-search';
import { setHelpdeskView, useHelpdeskView, type HelpdeskView } from './helpdesk-store';
import { RecentChecks } from './recent-checks';
import { TroubleshootTab } from './troubleshoot-tab';

export function HelpdeskScreen() {
  return (
    <div data-testid="screen-helpdesk">
      <ScreenHeader
        title="Help desk"
        description="Why can't this person see that? Every access check in order, the fix as a plan to approve, and answers from the guide and past resolutions."
      />
      <BrowseGate what="people">{(instance) => <HelpdeskBody key={instance.id} instance={instance} />}</BrowseGate>
    </div>
  );
}

function HelpdeskBody({ instance }: { instance: Instance }) {
  const view = useHelpdeskView(instance.id);
  return (
    <Tabs
      value={view.tab}
      onChange={(tab) => setHelpdeskView(instance.id, { tab: (tab ?? 'troubleshoot') as HelpdeskView['tab'] })}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        <Tabs.Tab value="troubleshoot" leftSection={<IconStethoscope size={16} />} data-testid="tab-troubleshoot">
          Troubleshoot
        </Tabs.Tab>
        <Tabs.Tab value="search" leftSection={<IconSearch size={16} />} data-testid="tab-help-search">
          Search the guide
        </Tabs.Tab>
        <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-help-history">
          Earlier checks
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="troubleshoot">
        <TroubleshootTab instance={instance} />
      </Tabs.Panel>
      <Tabs.Panel value="search">
        <HelpSearch instance={instance} />
      </Tabs.Panel>
      <Tabs.Panel value="history">
        <RecentChecks instance={instance} />
      </Tabs.Panel>
    </Tabs>
  );
}
