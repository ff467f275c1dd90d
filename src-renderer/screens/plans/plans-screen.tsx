/**
 * Plans: the one way changes reach SmartSimple. A list of the instance's plans, a builder for new
 * ones, the plan page (review, approve, apply, results, undo), and the local audit trail as a tab.
 * The open plan is in the address (`#/plans?plan=<id>`, as the current draft's "Open plan" link
 * writes it), so a link, Back and a reload all land on it; switching instance resets the screen
 * (keyed by instance).
 */
import { Tabs } from '@mantine/core';
import { IconListCheck, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { Instance } from '../../../src-preload/contract';
import { BrowseGate } from '../../components/browse/browse-gate';
import { ScreenHeader } from '../../components/screen-header';
import { AuditTrailView } from './audit-trail-view';
import { PlanList } from './plan-list';
import { PlanPage } from './plan-page';

export function PlansScreen() {
  return (
    <div data-testid="screen-plans">
      <ScreenHeader
        title="Plans"
        description="Batches of changes: build, review, approve, apply, verify and undo. Nothing reaches SmartSimple without your approval."
      />
      <BrowseGate what="people and roles to plan changes for">
        {(instance) => <PlansBody key={instance.id} instance={instance} />}
      </BrowseGate>
    </div>
  );
}

function PlansBody({ instance }: { instance: Instance }) {
  const [tab, setTab] = useState<string | null>('plans');
  const [openPlan, setOpenPlan] = useOpenPlan();
  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false}>
      <Tabs.List mb="md">
        <Tabs.Tab value="plans" leftSection={<IconListCheck size={16} />} data-testid="tab-plans">
          Plans
        </Tabs.Tab>
        <Tabs.Tab value="audit" leftSection={<IconShieldLock size={16} />} data-testid="tab-audit-trail">
          Audit trail
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="plans">
        {openPlan ? (
          <PlanPage instance={instance} planId={openPlan} onOpen={setOpenPlan} onBack={() => setOpenPlan(null)} />
        ) : (
          <PlanList instance={instance} onOpen={setOpenPlan} />
        )}
      </Tabs.Panel>
      <Tabs.Panel value="audit">
        <AuditTrailView instance={instance} />
      </Tabs.Panel>
    </Tabs>
  );
}

/** The plan named by `?plan=` in the address, and a setter that writes it there. */
function useOpenPlan(): [string | null, (planId: string | null) => void] {
  const search = useSearch();
  const [, navigate] = useLocation();
  const planId = new URLSearchParams(search).get('plan');
  const open = (id: string | null) => navigate(id ? `/plans?plan=${encodeURIComponent(id)}` : '/plans');
  return [planId && planId.length <= 64 ? planId : null, open];
}
