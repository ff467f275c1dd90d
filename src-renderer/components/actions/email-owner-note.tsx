/** "Ana Rivera already has this e-mail": the words and the link a field shows under a duplicate e-mail. */
import { Anchor, Text } from '@mantine/core';
import type { PersonRow } from '../../../src-preload/contract';

export function EmailOwnerNote({ owner }: { owner: PersonRow }) {
  return (
    <Text span size="xs" data-testid="email-owner">
      <Anchor href={`#/people/${owner.id}`} size="xs" fw={600}>
        {owner.firstName} {owner.lastName}
      </Anchor>
      {owner.organization ? ` (${owner.organization})` : ''} already has this e-mail in the mirror. Open them instead:
      SmartSimple finds people by e-mail, and the plan would not create or rename a second one with it.
    </Text>
  );
}
