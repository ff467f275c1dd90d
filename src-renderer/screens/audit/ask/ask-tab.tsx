/**
 * Ask: questions in plain language about the mirror, answered offline. The question box, how it
 * was read (words and SQL, both editable), the answer as a table and a chart, evidence exports,
 * and the saved questions beside.
 */
import { Grid, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Instance } from '../../../../src-preload/contract';
import { notifySuccess, useApiMutation, useApiQuery } from '../../../api';
import { BrowseGate } from '../../../components/browse/browse-gate';
import { downloadEvidence } from '../../../lib/download';
import { AnswerView } from './answer-view';
import { QuestionBox } from './question-box';
import { ReadingCard } from './reading-card';
import { SavedQuestions } from './saved-questions';
import { useAsk } from './use-ask';

export function AskTab() {
  return <BrowseGate what="answers">{(instance) => <Ask key={instance.id} instance={instance} />}</BrowseGate>;
}

function Ask({ instance }: { instance: Instance }) {
  const ask = useAsk(instance.id);
  const { state, busy, sqlEdited } = ask;
  const examples = useApiQuery('ask:suggestions', { instanceId: instance.id });
  const save = useApiMutation('ask:save', { meta: { errorTitle: 'The question was not saved' } });
  const exportAnswer = useApiMutation('evidence:answer', { meta: { errorTitle: 'The export did not finish' } });
  const [exporting, setExporting] = useState<'csv' | 'pdf' | null>(null);
  const [draft, setDraft] = useState('');
  const askNow = (q: string) => {
    setDraft(q);
    void ask.ask(q);
  };

  const onExport = async (format: 'csv' | 'pdf') => {
    const { reading, question } = state;
    if (!reading && !state.sql) return;
    setExporting(format);
    try {
      const source = sqlEdited || !reading ? { sql: state.sql } : { query: reading.query };
      const file = await exportAnswer.mutateAsync({ instanceId: instance.id, question, format, ...source });
      downloadEvidence(file);
      notifySuccess(`${file.filename} (sha256 ${file.sha256.slice(0, 12)}…, recorded in the audit trail)`, 'Exported');
    } finally {
      setExporting(null);
    }
  };

  return (
    <Grid gap="md" data-testid="ask-tab">
      <Grid.Col span={{ base: 12, lg: 9 }}>
        <Stack gap="md">
          <QuestionBox
            text={draft}
            onText={setDraft}
            asked={state.question}
            busy={busy}
            refusal={state.refusal}
            examples={examples.data ?? []}
            onAsk={askNow}
          />
          {busy && !state.reading && (
            <Text size="sm" c="dimmed">
              <Loader size="xs" mr={6} />
              Reading the question and running it (it stops after 5 seconds)...
            </Text>
          )}
          {state.reading && <ReadingCard reading={state.reading} ask={ask} />}
          {state.answer && (
            <AnswerView
              answer={state.answer}
              exporting={exporting}
              onExport={(f) => void onExport(f).catch(() => undefined)}
              saving={save.isPending}
              onSave={() =>
                save.mutate(
                  { instanceId: instance.id, question: state.question, sql: sqlEdited ? state.sql : null },
                  { onSuccess: () => notifySuccess('Saved; it is in the list on the right.') },
                )
              }
            />
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 3 }}>
        <SavedQuestions
          instanceId={instance.id}
          onAsk={askNow}
          onRunSql={(q, sql) => {
            setDraft(q);
            void ask.runSql(q, sql);
          }}
        />
      </Grid.Col>
    </Grid>
  );
}
