/**
 * Jump to's records: the people, roles, programs, organizations and plans of the active instance
 * that the typed words name (by name, e-mail or id), as palette options that open them. Asked
 * once the typing pauses, from two characters (one digit is enough for an id).
 */
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconBuildingCommunity,
  IconFolders,
  IconListCheck,
  IconShieldLock,
  IconUser,
  type Icon,
} from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import type { JumpKind } from '../../src-preload/contract';
import { useApiQuery } from '../api';
import { useActiveInstance } from '../hooks/use-settings';
import type { PaletteCommand } from './command-palette';

const KINDS: Record<JumpKind, { word: string; icon: Icon }> = {
  person: { word: 'Person', icon: IconUser },
  role: { word: 'Role', icon: IconShieldLock },
  program: { word: 'Program', icon: IconFolders },
  organization: { word: 'Organization', icon: IconBuildingCommunity },
  plan: { word: 'Plan', icon: IconListCheck },
};

const PAUSE_MS = 120;

export function useJumpTargets(query: string): { commands: PaletteCommand[]; searching: boolean } {
  const { active } = useActiveInstance();
  const [, navigate] = useLocation();
  const [settled] = useDebouncedValue(query.trim(), PAUSE_MS);
  const enabled = active !== null && (settled.length >= 2 || /^\d+$/.test(settled));
  const found = useApiQuery(
    'jump:find',
    { instanceId: active?.id ?? '', query: settled },
    { enabled, placeholderData: keepPreviousData, meta: { silent: true } },
  );
  if (!enabled || query.trim() === '') return { commands: [], searching: false };
  const commands = (found.data ?? []).map((t): PaletteCommand => {
    const { word, icon: KindIcon } = KINDS[t.kind];
    return {
      id: `${t.kind}:${t.id}`,
      label: t.label,
      description: t.detail,
      kind: word,
      icon: <KindIcon size={18} />,
      run: () => navigate(t.path),
    };
  });
  return { commands, searching: found.isFetching || settled !== query.trim() };
}
