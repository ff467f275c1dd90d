/**
 * One search box over the administrator's guide and this instance's past resolutions: the answer
 * (each sentence citing its passages; "I don't know" when nothing relevant was found) above the
 * passages themselves, numbered as cited, each saying where it came from.
 */
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBook, IconSearch } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { HelpAnswer, HelpPassage, HelpSource, Instance } from '../../../src-preload/contract';
import { useApiMutation } from '../../api';

const SOURCE: Record<HelpSource, { label: string; color: string }> = {
  guide: { label: 'Guide', color: 'blue' },
  outcome: { label: 'Troubleshooter outcome', color: 'grape' },
  plan: { label: 'Applied plan', color: 'teal' },
  finding: { label: 'Finding', color: 'orange' },
};

/** «word» marks from the search as bold. */
function Marked({ text }: { text: string }) {
  const parts = text.split(/(«[^»]*»)/g);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith('«') && p.endsWith('»') ? <mark key={i}>{p.slice(1, -1)}</mark> : <Fragment key={i}>{p}</Fragment>,
      )}
    </>
  );
}

function Passage({ passage }: { passage: HelpPassage }) {
  const [open, setOpen] = useState(false);
  const source = SOURCE[passage.source];
  return (
    <Paper withBorder p="sm" id={`passage-${passage.n}`} data-testid="helpdesk-passage" data-ref={passage.ref}>
      <Group gap="xs" mb={4}>
        <Badge variant="filled" color="dark" size="sm">
          [{passage.n}]
        </Badge>
        <Badge color={source.color} variant="light" size="sm">
          {source.label}
        </Badge>
        <Text fw={600} size="sm">
          {passage.title}
        </Text>
        {passage.at && (
          <Text size="xs" c="dimmed">
            {passage.at.slice(0, 10)}
          </Text>
        )}
      </Group>
      <Text size="sm">{open ? passage.body : <Marked text={passage.snippet} />}</Text>
      {passage.body.length > passage.snippet.length && (
        <Anchor size="xs" onClick={() => setOpen(!open)}>
          {open ? 'Show the excerpt' : 'Show all of it'}
        </Anchor>
      )}
    </Paper>
  );
}

function Answer({ answer }: { answer: HelpAnswer }) {
  if (answer.unknown)
    return (
      <Alert color="gray" title="I don't know" data-testid="helpdesk-answer" data-unknown="true">
        {answer.passages.length > 0 && answer.engine
          ? 'The passages found do not answer this. They are below, in case they help.'
          : 'Nothing in the guide or in the past resolutions of this instance answers this. Try other words, or draft a ticket from the troubleshooter.'}
      </Alert>
    );
  const by =
    answer.engine === 'llm'
      ? `Written by ${answer.model ?? 'the LLM'} from the passages below only; names were replaced before it saw them.`
      : `Sentences taken from the passages below (local engine${answer.fallbackReason ? `; the LLM was not used: ${answer.fallbackReason}` : ''}).`;
  return (
    <Paper withBorder p="md" data-testid="helpdesk-answer" data-unknown="false" data-engine={answer.engine}>
      <Stack gap={6}>
        {answer.sentences.map((s, i) => (
          <Text key={i} size="sm" data-testid="helpdesk-answer-sentence">
            {s.text}{' '}
            {s.citations.map((n) => (
              <Anchor
                key={n}
                href={`#passage-${n}`}
                size="xs"
                fw={700}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(`passage-${n}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
                }}
              >
                [{n}]
              </Anchor>
            ))}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {by}
        </Text>
      </Stack>
    </Paper>
  );
}

export function HelpSearch({ instance }: { instance: Instance }) {
  const [question, setQuestion] = useState('');
  const [error, setError] = useState<string | null>(null);
  const answer = useApiMutation('helpdesk:answer', { meta: { silent: true } });
  const ask = () => {
    setError(null);
    if (!question.trim()) return setError('Type a question or some words to search for.');
    answer.mutate({ instanceId: instance.id, question }, { onError: (e) => setError(e.message) });
  };
  const result = answer.data;
  return (
    <Stack gap="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          ask();
        }}
      >
        <Group align="flex-start" gap="sm" maw={820}>
          <TextInput
            flex={1}
            placeholder="Ask the guide and the past resolutions: how do I unlock an account? what did we do for …?"
            leftSection={<IconSearch size={16} />}
            value={question}
            onChange={(e) => setQuestion(e.currentTarget.value)}
            error={error}
            maxLength={500}
            aria-label="Question"
            data-testid="helpdesk-search-input"
            autoFocus
          />
          <Button type="submit" loading={answer.isPending} data-testid="helpdesk-search-submit">
            Search
          </Button>
        </Group>
      </form>
      {!result && !answer.isPending && (
        <Text size="sm" c="dimmed">
          <IconBook size={14} style={{ verticalAlign: 'middle' }} /> The guide covers onboarding, roles and UTA roles,
          access types, reviews, the hourly API limit, plans and what Admin Desk does and does not do. Past resolutions
          are this instance's troubleshooter outcomes and applied plans.
        </Text>
      )}
      {result && (
        <Stack gap="sm" data-testid="helpdesk-search-result">
          <Answer answer={result} />
          {result.passages.length > 0 && <Title order={4}>Passages ({result.passages.length})</Title>}
          {result.passages.map((p) => (
            <Passage key={p.ref} passage={p} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
