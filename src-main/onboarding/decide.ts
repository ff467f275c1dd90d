/**
 * The administrator's edits to a proposal under review. A changed field keeps where its new value
 * came from (text clicked on the page) and counts as edited. Earlier decisions stand unless the
 * administrator changes what they rest on: a link to a person is dropped when the name or e-mail
 * changes, an organization choice when the organization's name does. Decisions on
 * recommendations only re-plan; anything else rebuilds the proposal against the mirror.
 */
import type { OnboardingDecideInput, OrganizationChoice, Proposal } from '../../src-preload/contract';
import { conflict, validation } from '../errors/app-error';
import type { ProposalBase } from './proposal';

const PERSON_FIELDS = new Set(['firstName', 'lastName', 'email']);

export type DecideInput = Omit<OnboardingDecideInput, 'proposalId'>;

/** What a rebuild needs, or null when the decisions only change which recommendations are accepted. */
export interface Decided {
  proposal: Proposal;
  rebuild: ProposalBase | null;
}

export function applyDecision(p: Proposal, input: DecideInput): Decided {
  if (p.state === 'planned') throw conflict('This proposal is a plan already: change the plan instead.');
  if (p.state === 'dismissed') throw conflict('This proposal was dismissed: reopen it first.');
  const fields = { ...p.fields };
  const changed = new Set<string>();
  for (const [k, v] of Object.entries(input.fields ?? {})) {
    const was = fields[k];
    // The same value again counts once: the administrator confirms what was read (then it is theirs).
    const same = was && JSON.stringify(was.value) === JSON.stringify(v);
    if (same && was.edited && !input.sources?.[k]) continue;
    fields[k] = { value: v, confidence: 1, source: input.sources?.[k] ?? was?.source ?? null, edited: true };
    changed.add(k);
  }
  if (input.linkPersonId != null && !p.resolution.candidates.some((c) => c.personId === input.linkPersonId))
    throw validation('Link the person to one of the candidates shown, or keep it a new person.');
  const decisions = new Map(p.recommendations.map((r) => [r.id, r.decision]));
  for (const [id, d] of Object.entries(input.recommendations ?? {})) {
    if (!decisions.has(id)) throw validation(`There is no recommendation ${id} in this proposal.`);
    decisions.set(id, d);
  }
  if (input.acceptRecommended)
    for (const r of p.recommendations)
      if (!r.privileged && decisions.get(r.id) === 'pending') decisions.set(r.id, 'accepted');
  const rebuild = changed.size > 0 || input.linkPersonId !== undefined || input.organization !== undefined;
  if (!rebuild)
    return {
      proposal: { ...p, recommendations: p.recommendations.map((r) => ({ ...r, decision: decisions.get(r.id)! })) },
      rebuild: null,
    };
  const keepLink = p.resolution.decidedBy === 'administrator' && ![...changed].some((k) => PERSON_FIELDS.has(k));
  const keepOrganization = p.organization.decidedBy === 'administrator' && !changed.has('organization');
  const link = input.linkPersonId !== undefined ? input.linkPersonId : keepLink ? p.resolution.personId : undefined;
  const organization = input.organization ?? (keepOrganization ? choiceOf(p.organization) : undefined);
  return {
    proposal: p,
    rebuild: {
      id: p.id,
      extractionSuggestionId: p.extractionSuggestionId,
      documentId: p.documentId,
      recordIndex: p.recordIndex,
      file: p.file,
      fields,
      decisions,
      ...(link !== undefined ? { linkPersonId: link } : {}),
      ...(organization ? { organization } : {}),
    },
  };
}

/** The administrator's organization decision as it was made, to make again on a rebuild. */
function choiceOf(o: Proposal['organization']): OrganizationChoice | undefined {
  if (o.outcome === 'existing' && o.organizationId !== null)
    return { kind: 'existing', organizationId: o.organizationId };
  if (o.outcome === 'new' && o.proposedParent && o.name && o.isExternal !== null)
    return { kind: 'new', name: o.name, parentId: o.proposedParent.id, isExternal: o.isExternal };
  return undefined;
}

/** The base to rebuild a proposal from as read, the administrator's edits kept (reopening it). */
export function baseOf(p: Proposal): ProposalBase {
  const organization = p.organization.decidedBy === 'administrator' ? choiceOf(p.organization) : undefined;
  return {
    id: p.id,
    extractionSuggestionId: null,
    documentId: p.documentId,
    recordIndex: p.recordIndex,
    file: p.file,
    fields: p.fields,
    decisions: new Map(p.recommendations.map((r) => [r.id, r.decision])),
    ...(p.resolution.decidedBy === 'administrator' ? { linkPersonId: p.resolution.personId } : {}),
    ...(organization ? { organization } : {}),
  };
}
