/**
 * Lifecycle: guided forms that end in a draft plan. A program roster (a list of reviewers
 * resolved against the instance, "make the roster exactly this list"), a mover (a new department
 * or title: the new peer group's typical roles, k of n), and a leaver or a whole organization
 * offboarded (what they hold, what goes to a successor). Each operation of the plan says why it
 * is there; the plan then goes through the usual review, approval and apply in Plans.
 */
import { Stack, Tabs } from '@mantine/core';
import { BrowseGate } from '../../components/browse/browse-gate';
import { ScreenHeader } from '../../components/screen-header';
import { MoverForm } from './mover-form';
import { OffboardForm } from './offboard-form';
import { RosterForm } from './roster-form';

export function LifecycleScreen() {
  return (
    <Stack gap="md" data-testid="screen-lifecycle">
      <ScreenHeader
        title="Lifecycle"
        description="Joiners to a program, movers and leavers: a guided form, then a draft plan that says why each change is in it."
      />
      <BrowseGate what="people to plan for">
        {(instance) => (
          <Tabs defaultValue="roster" keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="roster" data-testid="tab-roster">
                Program roster
              </Tabs.Tab>
              <Tabs.Tab value="mover" data-testid="tab-mover">
                Mover
              </Tabs.Tab>
              <Tabs.Tab value="offboard" data-testid="tab-offboard">
                Leaver or organization
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="roster">
              <RosterForm key={instance.id} instanceId={instance.id} />
            </Tabs.Panel>
            <Tabs.Panel value="mover">
              <MoverForm key={instance.id} instanceId={instance.id} />
            </Tabs.Panel>
            <Tabs.Panel value="offboard">
              <OffboardForm key={instance.id} instanceId={instance.id} />
            </Tabs.Panel>
          </Tabs>
        )}
      </BrowseGate>
    </Stack>
  );
}
