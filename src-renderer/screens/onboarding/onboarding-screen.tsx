/** Onboarding: drop intake documents (or try a sample), review each proposal, and make it a plan. */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useState } from 'react';
import { INTAKE_MAX_FILE_BYTES, type Instance, type Proposal } from '../../../src-preload/contract';
import { useApiMutation, useApiQuery } from '../../api';
import { BrowseGate } from '../../components/browse/browse-gate';
import { ScreenHeader } from '../../components/screen-header';
import { intakeTooLargeMessage, readIntakeFile } from '../../lib/read-intake-file';
import { ProposalView } from './proposal-view';

function Intake({ instance }: { instance: Instance }) {
  const read = useApiMutation('intake:read', { meta: { errorTitle: 'The document could not be read' } });
  const propose = useApiMutation('onboarding:propose', { meta: { errorTitle: 'No proposal was made' } });
  const samples = useApiQuery('onboarding:samples', {});
  const sample = useApiMutation('onboarding:sample', { meta: { errorTitle: 'The sample could not be loaded' } });
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const handle = async (name: string, base64: string) => {
    setError(null);
    try {
      const doc = await read.mutateAsync({ name, base64 });
      setProposal(
        await propose.mutateAsync({
          instanceId: instance.id,
          document: { file: doc.file, fields: doc.fields as Record<string, never> },
        }),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const first = samples.data?.[0];
  return (
    <Stack>
      <Dropzone
        loading={read.isPending || propose.isPending}
        maxSize={INTAKE_MAX_FILE_BYTES}
        onReject={(rejected) => {
          const file = rejected[0]?.file;
          if (file) setError(intakeTooLargeMessage(file.name, file.size));
        }}
        onDrop={(files) =>
          files.forEach(
            (f) => void readIntakeFile(f).then((r) => (r.ok ? handle(r.name, r.base64) : setError(r.message))),
          )
        }
      >
        <Text ta="center" py="lg">
          Drop intake documents here (PDF, scans, DOCX, e-mails, CSV), or click to choose files.
        </Text>
      </Dropzone>
      {!proposal && (
        <Group>
          <Button
            variant="default"
            disabled={!first}
            onClick={() =>
              first && sample.mutate({ name: first.name }, { onSuccess: (s) => void handle(s.name, s.base64) })
            }
          >
            Try a sample
          </Button>
          {!first && (
            <Text size="sm" c="dimmed">
              No samples are installed.
            </Text>
          )}
        </Group>
      )}
      {error && <Alert color="red">{error}</Alert>}
      {proposal && <ProposalView key={proposal.id} proposal={proposal} />}
    </Stack>
  );
}

export function OnboardingScreen() {
  return (
    <Stack>
      <ScreenHeader title="Onboarding" description="Turn intake documents into new people, ready to approve." />
      <BrowseGate what="people">{(instance) => <Intake key={instance.id} instance={instance} />}</BrowseGate>
    </Stack>
  );
}
