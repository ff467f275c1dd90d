/**
 * A search field that searches as you type. Its text is its own state, so a keystroke re-renders
 * only the field; the search itself is reported with a leading-edge debounce: a keystroke after a
 * pause searches at once (no timer in the way), keystrokes in a burst are coalesced into one
 * search when the burst ends. Escape clears (at once); ArrowDown or Enter hand over to `onLeave`.
 */
import { CloseButton, Kbd, Loader, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState, type Ref } from 'react';

interface SearchBoxProps {
  initial: string;
  onSearch: (query: string) => void;
  /** Keystrokes closer together than this are one search. */
  debounceMs?: number;
  /** Results for the current text are still loading. */
  busy?: boolean;
  /** ArrowDown or Enter: e.g. move focus to the results. */
  onLeave?: () => void;
  label: string;
  placeholder: string;
  /** Show the `/` hint when empty. */
  slashHint?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  testId?: string;
  width?: number | string;
  /** Longer text is not searched: the field says so in plain words instead. */
  maxChars?: number;
}

export function SearchBox({
  initial,
  onSearch,
  debounceMs = 80,
  busy,
  onLeave,
  label,
  placeholder,
  slashHint,
  inputRef,
  testId,
  width,
  maxChars,
}: SearchBoxProps) {
  const [value, setValue] = useState(initial);
  const timer = useRef<number | null>(null);
  const lastFired = useRef(0);
  useEffect(() => () => void (timer.current !== null && window.clearTimeout(timer.current)), []);

  const fire = (q: string) => {
    lastFired.current = performance.now();
    onSearch(q);
  };
  const tooLong = maxChars !== undefined && value.length > maxChars;
  const change = (q: string, immediate = false) => {
    setValue(q);
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    if (maxChars !== undefined && q.length > maxChars) return;
    if (immediate || performance.now() - lastFired.current >= debounceMs) {
      fire(q);
    } else {
      timer.current = window.setTimeout(() => {
        timer.current = null;
        fire(q);
      }, debounceMs);
    }
  };

  return (
    <TextInput
      ref={inputRef}
      data-testid={testId}
      aria-label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} />}
      rightSection={
        busy ? (
          <Loader size="xs" aria-label="Searching" />
        ) : value ? (
          <CloseButton size="sm" aria-label="Clear search" onClick={() => change('', true)} />
        ) : slashHint ? (
          <Kbd size="xs">/</Kbd>
        ) : null
      }
      value={value}
      error={
        tooLong
          ? `Search is limited to ${(maxChars as number).toLocaleString('en-US')} characters: shorten it to search.`
          : undefined
      }
      onChange={(e) => change(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && value) {
          e.preventDefault();
          change('', true);
        } else if ((e.key === 'ArrowDown' || e.key === 'Enter') && onLeave) {
          e.preventDefault();
          onLeave();
        }
      }}
      style={{ flex: width === undefined ? 1 : undefined, maxWidth: 560, width }}
    />
  );
}
