/** A light or outlined label in a Mantine colour, without Mantine's per-component cost (see tag.module.css). */
import type { ReactNode } from 'react';
import classes from './tag.module.css';

interface TagProps {
  color: string;
  variant?: 'light' | 'outline';
  children: ReactNode;
}

export function Tag({ color, variant = 'light', children }: TagProps) {
  const style =
    variant === 'light'
      ? { background: `var(--mantine-color-${color}-light)`, color: `var(--mantine-color-${color}-light-color)` }
      : { borderColor: `var(--mantine-color-${color}-outline)`, color: `var(--mantine-color-${color}-outline)` };
  return (
    <span className={classes.tag} style={style}>
      {children}
    </span>
  );
}

export function TagGroup({ children }: { children: ReactNode }) {
  return <span className={classes.group}>{children}</span>;
}
