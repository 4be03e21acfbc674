/**
 * A tooltip that exists only while the pointer is over its target: Mantine's Tooltip sets up floating-ui (and
 * measures the page with getComputedStyle) for every instance as it mounts, which for a table of rows made one
 * long task; most rows are never hovered.
 */
import { useState, type ReactNode } from 'react';
import { Tooltip } from '@mantine/core';

interface Props {
  label: ReactNode;
  /** No tooltip at all (nothing to say). */
  disabled?: boolean;
  /** Width of a multi-line tooltip. */
  w?: number;
  children: ReactNode;
}

/** Wraps `children` in an inline box; hovering it shows `label`. */
export function HoverTooltip({ label, disabled, w, children }: Props) {
  const [hovered, setHovered] = useState(false);
  const target = (
    <span style={{ display: 'inline-block' }} onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
      {children}
    </span>
  );
  if (disabled || !hovered) return target;
  return (
    <Tooltip label={label} opened multiline={w !== undefined} w={w}>
      {target}
    </Tooltip>
  );
}
