/**
 * Audit: tabs over what an auditor reads. "Trail" (first) is the local audit trail in words;
 * "Findings" the detectors' findings (one opens at `#/audit/findings/<id>`), "Risk" the risk
 * scores, "Timeline" one person's sessions and changes (`#/audit/timeline/<person id>`). Each tab
 * lives in its own file or folder here.
 */
import { Tabs } from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconListDetails, IconTimeline } from '@tabler/icons-react';
import { useLocation, useParams } from 'wouter';
import { BrowseGate } from '../../components/browse/browse-gate';
import { ScreenHeader } from '../../components/screen-header';
import { FindingsTab } from './findings/findings-tab';
import { RiskTab } from './risk/risk-tab';
import { TimelineTab } from './timeline/timeline-tab';
import { TrailTab } from './trail-tab';

const TABS = ['trail', 'findings', 'risk', 'timeline'] as const;
type AuditTab = (typeof TABS)[number];

export function AuditScreen() {
  const params = useParams<{ tab?: string; id?: string }>();
  const [, navigate] = useLocation();
  const tab: AuditTab = (TABS as readonly string[]).includes(params.tab ?? '') ? (params.tab as AuditTab) : 'trail';
  const id = params.id && /^\d+$/.test(params.id) ? Number(params.id) : null;
  return (
    <div data-testid="screen-audit">
      <ScreenHeader
        title="Audit"
        description="Who did what, to whom, and why; what the detectors found in the mirror, and who carries the most risk."
      />
      <Tabs value={tab} onChange={(t) => navigate(t === 'trail' ? '/audit' : `/audit/${t}`)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="trail" leftSection={<IconListDetails size={16} />} data-testid="tab-trail">
            Trail
          </Tabs.Tab>
          <Tabs.Tab value="findings" leftSection={<IconAlertTriangle size={16} />} data-testid="tab-findings">
            Findings
          </Tabs.Tab>
          <Tabs.Tab value="risk" leftSection={<IconChartBar size={16} />} data-testid="tab-risk">
            Risk
          </Tabs.Tab>
          <Tabs.Tab value="timeline" leftSection={<IconTimeline size={16} />} data-testid="tab-timeline">
            Timeline
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="trail">
          <TrailTab />
        </Tabs.Panel>
        <Tabs.Panel value="findings">
          <BrowseGate what="findings">
            {(instance) => <FindingsTab key={instance.id} instance={instance} findingId={id} />}
          </BrowseGate>
        </Tabs.Panel>
        <Tabs.Panel value="risk">
          <BrowseGate what="risk scores">{(instance) => <RiskTab key={instance.id} instance={instance} />}</BrowseGate>
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <BrowseGate what="timelines">
            {(instance) => <TimelineTab key={instance.id} instance={instance} personId={id} />}
          </BrowseGate>
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
