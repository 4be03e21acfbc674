/**
 * The target of one mapping column. At rest it is a read-only field showing the chosen target (cheap: a Mantine
 * Select with its combobox, popover and option list costs tens of ms per row, and a file has a row per column);
 * the searchable Select is mounted only when the user opens the field — click, Enter, Space, arrow down or
 * typing — and dropped again when focus leaves it. Tab reaches the field like any input.
 */
import { memo, useEffect, useState } from 'react';
import { Combobox, Input, Select } from '@mantine/core';

/** The grouped target list (contact fields / dynamic attributes / funnels), as Mantine's Select takes it. */
export type TargetOptions = { group: string; items: { value: string; label: string }[] }[];

interface Props {
  value: string;
  /** The chosen target's label (shown at rest without building the option list). */
  label: string;
  options: TargetOptions;
  onChange: (value: string) => void;
  ariaLabel: string;
  nothingFound: string;
  error?: boolean;
  testId?: string;
}

/** Keys that open the list from the resting field (printable characters open it searching for themselves). */
const OPEN_KEYS = new Set(['Enter', ' ', 'ArrowDown', 'ArrowUp', 'F4']);

export const TargetPicker = memo(function TargetPicker({ value, label, options, onChange, ariaLabel, nothingFound, error, testId }: Props) {
  // null: at rest; a string: the Select is mounted, with this text already typed into its search.
  const [open, setOpen] = useState<string | null>(null);
  const [search, setSearch] = useState(label);
  // The Select puts the chosen label into its search when it mounts (its effects run before this one), so what
  // the user typed to open it goes in afterwards.
  useEffect(() => {
    if (open) setSearch(open);
  }, [open]);

  if (open === null) {
    return (
      <Input
        size="xs"
        readOnly
        pointer
        value={label}
        aria-label={ariaLabel}
        aria-haspopup="listbox"
        aria-expanded={false}
        role="combobox"
        error={error}
        data-testid={testId}
        rightSection={<Combobox.Chevron size="xs" />}
        rightSectionPointerEvents="none"
        onClick={() => setOpen('')}
        onKeyDown={(e) => {
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          if (OPEN_KEYS.has(e.key)) {
            e.preventDefault();
            setOpen('');
          } else if (e.key.length === 1) {
            // Typing on the field starts a search with what was typed.
            e.preventDefault();
            setOpen(e.key);
          }
        }}
      />
    );
  }

  return (
    <Select
      data={options}
      value={value}
      onChange={(v) => {
        if (v) onChange(v);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      defaultDropdownOpened
      autoFocus
      allowDeselect={false}
      nothingFoundMessage={nothingFound}
      aria-label={ariaLabel}
      error={error}
      size="xs"
      comboboxProps={{ withinPortal: true }}
      onBlur={() => setOpen(null)}
      data-testid={testId}
    />
  );
});
