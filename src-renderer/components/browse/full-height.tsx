/**
 * A screen that fills the window below the header, so a virtualized table can take the rest of
 * the height and scroll inside itself (the page never scrolls).
 */
import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';

export function FullHeight({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Stack
      gap="sm"
      data-testid={testId}
      style={{
        height: 'calc(100dvh - var(--app-shell-header-offset, 52px) - 2 * var(--app-shell-padding, 0.875rem))',
        minHeight: 420,
      }}
    >
      {children}
    </Stack>
  );
}

/** The part of a FullHeight screen that takes what is left. */
export function Grow({ children }: { children: ReactNode }) {
  return <div style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>{children}</div>;
}
