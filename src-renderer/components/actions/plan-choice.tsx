/**
 * Where an action dialog's work goes. By default the current draft (chosen in the header); inside
 * `ChoosePlanHere` (the People list's bulk actions) the dialog asks, starting from the current
 * draft: another draft plan, or a new one with a title (which becomes the current draft).
 */
import { Select, Stack, Text, TextInput } from '@mantine/core';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { useCurrentDraft } from '../plan-draft/current-draft';
import type { DraftTarget } from '../plan-draft/use-add-to-draft';
import { DraftNote } from './draft-note';

interface Choosing {
  onAdded?: (planId: string) => void;
  /** The work goes into a new plan with this title (empty: a title of the moment), without asking. */
  intoNewPlan?: string;
}

const ChoosePlan = createContext<Choosing | null>(null);

/**
 * Action dialogs opened inside this ask which plan their work goes into, and call `onAdded` once
 * their work is in it (the People list clears its ticks).
 */
export function ChoosePlanHere({ children, ...choosing }: Choosing & { children: ReactNode }) {
  return <ChoosePlan.Provider value={choosing}>{children}</ChoosePlan.Provider>;
}

const NEW_PLAN = '__new';

export interface PlanChoice {
  /** The existing plan the work would go into (what the preview runs on); null for a new one. */
  planId: string | null;
  /** For `add`: undefined means the current draft. */
  target: DraftTarget | undefined;
  /** Why the work cannot be added yet (a new plan without a title). */
  blocked: string | null;
  /** Called once the work is in the plan. */
  onAdded: ((planId: string) => void) | undefined;
  field: ReactNode;
}

export function usePlanChoice(instanceId: string): PlanChoice {
  const asks = useContext(ChoosePlan);
  const { draft, drafts } = useCurrentDraft(instanceId);
  // Null until the administrator picks: the current draft (once the plans have loaded), else a new plan.
  const [picked, setChoice] = useState<string | null>(null);
  const choice = picked ?? draft?.id ?? NEW_PLAN;
  const [title, setTitle] = useState(`People changes ${new Date().toLocaleDateString()}`);
  if (asks?.intoNewPlan !== undefined) return intoNewPlan(asks.intoNewPlan.trim(), asks.onAdded);
  if (!asks) {
    const field = <DraftNote instanceId={instanceId} testId="action-draft" />;
    return { planId: draft?.id ?? null, target: undefined, blocked: null, onAdded: undefined, field };
  }
  const isNew = choice === NEW_PLAN || !drafts.some((d) => d.id === choice);
  const options = [
    ...drafts.map((d) => ({
      value: d.id,
      label: `${d.title} (${d.operations} operations)${d.id === draft?.id ? ' · current draft' : ''}`,
    })),
    { value: NEW_PLAN, label: 'A new draft plan…' },
  ];
  const field = (
    <Stack gap="xs">
      <Select
        label="Into the plan"
        description="A draft plan: nothing changes on the instance until it is approved and applied."
        data={options}
        value={isNew ? NEW_PLAN : choice}
        onChange={(v) => v && setChoice(v)}
        allowDeselect={false}
        data-testid="action-plan"
      />
      {isNew && (
        <TextInput
          label="Title of the new plan"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={200}
          error={title.trim() ? undefined : 'Give the plan a title.'}
          data-testid="action-new-plan-title"
        />
      )}
    </Stack>
  );
  return {
    planId: isNew ? null : choice,
    target: isNew ? { newTitle: title.trim() } : { planId: choice },
    blocked: isNew && !title.trim() ? 'Give the new plan a title.' : null,
    onAdded: asks.onAdded,
    field,
  };
}

function intoNewPlan(title: string, onAdded: Choosing['onAdded']): PlanChoice {
  const newTitle = title || `By hand ${new Date().toLocaleString()}`;
  const field = (
    <Text size="xs" c="dimmed" data-testid="action-draft">
      Into a new plan, &ldquo;{newTitle}&rdquo;; add more on its page. Nothing changes on the instance until the plan is
      approved and applied.
    </Text>
  );
  return { planId: null, target: { newTitle }, blocked: null, onAdded, field };
}
