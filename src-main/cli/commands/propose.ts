/**
 * `desk propose FILE [--instance ID|NAME] [--json]`: read the document (intake), resolve it against
 * the connected instance's mirror and print the proposal: the fields, who the person is, the
 * organization, the peer group, the recommendations with their reasons, and the operations a plan
 * would hold. Nothing is planned or approved. A `.json` FILE is a document already read, as
 * `desk intake FILE --json` prints it (`{"file", "fields"}`), and is proposed as it stands.
 */
import fs from 'node:fs';
import { onboardingDocumentSchema, type OnboardingDocument, type Proposal } from '../../../src-preload/contract';
import type { Command } from '../command';
import { usageError } from '../output';
import { resolveInstance } from './instance-arg';
import { readIntakeFile } from './intake';

function human(p: Proposal): string {
  const value = (v: string | string[]) => (Array.isArray(v) ? v.join('; ') : v);
  return [
    `${p.file}`,
    ...Object.entries(p.fields).map(
      ([k, f]) => `  ${k.padEnd(15)} ${value(f.value)}  (${Math.round(f.confidence * 100)}%)`,
    ),
    `Person: ${p.resolution.outcome}. ${p.resolution.explanation}`,
    `Organization: ${p.organization.explanation}`,
    `Peers: ${p.peerGroup.how}`,
    ...p.recommendations.map((r) => `  ${r.decision.padEnd(8)} ${r.privileged ? '[privileged] ' : ''}${r.reason}`),
    ...p.unmatchedRequests.map((t) => `  Requested "${t}": no catalogue role is close.`),
    'Operations:',
    ...p.operations.map((o) => `  ${o.kind}: ${o.summary}${o.privileged ? ' (approved on its own)' : ''}`),
    ...p.problems.map((m) => `Problem: ${m}`),
    ...p.warnings.map((m) => `Note: ${m}`),
  ].join('\n');
}

function readJson(file: string): OnboardingDocument {
  try {
    return onboardingDocumentSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    throw usageError(`${file} is not a read document: it should be {"file", "fields"} as desk intake --json prints.`);
  }
}

export const proposeCommand: Command = {
  name: 'propose',
  usage: 'propose FILE [--instance ID|NAME]',
  summary: 'Read a document and print the onboarding proposal: fields, resolution, recommendations, operations.',
  options: { instance: { type: 'string' } },
  async run({ positionals, values, out, session }) {
    const file = positionals[0];
    if (!file) throw usageError('Usage: desk propose FILE');
    if (!fs.existsSync(file)) throw usageError(`No file ${file}.`);
    const instance = await resolveInstance(session, values.instance as string | undefined);
    const read = file.toLowerCase().endsWith('.json') ? readJson(file) : await readIntakeFile(session, file);
    const proposal = await session.call('onboarding:propose', {
      instanceId: instance.id,
      document: { file: read.file, fields: read.fields as Record<string, never> },
    });
    out.result(proposal, () => human(proposal));
  },
};
