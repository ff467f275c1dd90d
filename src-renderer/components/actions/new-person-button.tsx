/** "New person…" for a screen header: opens the New person form on the active instance. */
import { Button } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useActiveInstance } from '../../hooks/use-settings';
import { NewPersonDialog } from './new-person-dialog';

export function NewPersonButton() {
  const { active } = useActiveInstance();
  const [open, setOpen] = useState(false);
  if (!active) return null;
  return (
    <>
      <Button leftSection={<IconUserPlus size={16} />} onClick={() => setOpen(true)} data-testid="new-person">
        New person…
      </Button>
      {open && <NewPersonDialog instanceId={active.id} onClose={() => setOpen(false)} />}
    </>
  );
}
