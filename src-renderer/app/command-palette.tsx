/**
 * The jump palette (Ctrl/Cmd+K): type to filter screens and commands and to find people, roles,
 * programs, organizations and plans; arrows to move, Enter to run. Each option says what kind of
 * thing it is. A Modal with a listbox, because Mantine's Spotlight is a separate package we do not
 * ship.
 */
import { Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import classes from './command-palette.module.css';
import { PaletteOptionContent } from './palette-option-content';
import { useJumpTargets } from './use-jump-targets';

export interface PaletteCommand {
  id: string;
  label: string;
  description?: string;
  icon?: ReactNode;
  /** Shown on the right, e.g. the shortcut. */
  hint?: string;
  /** What it is: Screen, Command, Person, Role, Program, Organization, Plan. */
  kind?: string;
  run: () => void;
}

interface CommandPaletteProps {
  opened: boolean;
  onClose: () => void;
  commands: PaletteCommand[];
}

function matches(command: PaletteCommand, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return `${command.label} ${command.description ?? ''}`.toLowerCase().includes(q);
}

export function CommandPalette({ opened, onClose, commands }: CommandPaletteProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Jump to"
      size="lg"
      yOffset="12vh"
      // No animation: the input must have focus before the next keystroke, or typing is lost.
      transitionProps={{ duration: 0 }}
      data-testid="command-palette"
    >
      {/* Mounted only while open, so every opening starts with an empty query. */}
      {opened && <PaletteBody commands={commands} onClose={onClose} />}
    </Modal>
  );
}

function PaletteBody({ commands, onClose }: { commands: PaletteCommand[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const listId = useId();
  const records = useJumpTargets(query);
  const screens = useMemo(() => commands.filter((c) => matches(c, query)), [commands, query]);
  const visible = useMemo(() => [...screens, ...records.commands], [screens, records.commands]);
  const active = Math.min(activeIndex, Math.max(visible.length - 1, 0));

  const run = (command: PaletteCommand | undefined) => {
    if (!command) return;
    onClose();
    command.run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((active + step + visible.length) % Math.max(visible.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(visible[active]);
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <Stack gap="xs">
      <TextInput
        data-autofocus
        aria-label="Search screens, commands, people, roles, programs and plans"
        placeholder="A screen, a command, or a person, role, program or plan (name, e-mail or id)…"
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActiveIndex(0);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={visible.length ? optionId(active) : undefined}
      />
      <div role="listbox" id={listId} aria-label="Screens, commands and records" className={classes.list}>
        {visible.length === 0 && (
          <Text c="dimmed" size="sm" p="sm" data-testid="palette-empty">
            {records.searching ? 'Searching…' : `Nothing matches “${query}”.`}
          </Text>
        )}
        {visible.map((command, index) => (
          <UnstyledButton
            key={command.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            // The input keeps focus; options are reached with the arrows, not Tab.
            tabIndex={-1}
            className={classes.option}
            data-active={index === active || undefined}
            data-testid="palette-option"
            onMouseEnter={() => setActiveIndex(index)}
            onClick={() => run(command)}
          >
            <PaletteOptionContent command={command} />
          </UnstyledButton>
        ))}
      </div>
    </Stack>
  );
}
