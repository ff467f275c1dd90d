/**
 * The question box: type a question in plain words and press Enter; examples from this
 * instance's own names to start from; and, when a question could not be read, why and the
 * nearest questions that can be (never a guess).
 */
import { Alert, Button, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
import { IconMessageQuestion, IconSearch } from '@tabler/icons-react';
import type { Refusal } from './use-ask';

export const QUESTION_LIMIT = 2000;

interface Props {
  /** The question as typed (the parent keeps it: a saved question or a suggestion fills it too). */
  text: string;
  onText: (text: string) => void;
  /** The question asked last ('' before the first). */
  asked: string;
  busy: boolean;
  refusal: Refusal | null;
  examples: string[];
  onAsk: (question: string) => void;
}

export function QuestionBox({ text, onText: setText, asked, busy, refusal, examples, onAsk }: Props) {
  const tooLong = text.length > QUESTION_LIMIT;
  const ask = (q: string) => {
    setText(q);
    onAsk(q);
  };
  return (
    <Stack gap="xs">
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <TextInput
          flex={1}
          size="md"
          placeholder="Ask about people, logins and access changes, e.g. who has not logged in for 90 days?"
          leftSection={<IconMessageQuestion size={18} />}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !tooLong && text.trim()) ask(text);
          }}
          error={tooLong ? `A question is at most ${QUESTION_LIMIT.toLocaleString('en-US')} characters.` : null}
          aria-label="Question"
          data-testid="ask-question"
          data-autofocus
        />
        <Button
          size="md"
          leftSection={busy ? <Loader size={14} color="white" /> : <IconSearch size={16} />}
          disabled={busy || tooLong || !text.trim()}
          onClick={() => ask(text)}
          data-testid="ask-submit"
        >
          Ask
        </Button>
      </Group>
      {refusal && (
        <Alert color="yellow" title="This question could not be read" data-testid="ask-refusal">
          <Text size="sm" mb="xs">
            {refusal.message}
          </Text>
          <Text size="sm" fw={500}>
            Questions it can read:
          </Text>
          <Group gap={6} mt={4}>
            {refusal.suggestions.map((s) => (
              <Button key={s} size="compact-sm" variant="white" onClick={() => ask(s)} data-testid="ask-suggestion">
                {s}
              </Button>
            ))}
          </Group>
        </Alert>
      )}
      {!refusal && !asked && examples.length > 0 && (
        <Group gap={6} data-testid="ask-examples">
          <Text size="xs" c="dimmed">
            For example:
          </Text>
          {examples.slice(0, 8).map((s) => (
            <Button key={s} size="compact-xs" variant="light" onClick={() => ask(s)}>
              {s}
            </Button>
          ))}
        </Group>
      )}
    </Stack>
  );
}
