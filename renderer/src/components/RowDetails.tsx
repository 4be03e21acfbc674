/**
 * The selected row's problems (with "apply suggestion") and every automatic change, before → after, each with its
 * way back: "Keep the original" for that one cell (or the whole column, or the whole file by kind), or, for a change
 * the value cannot be sent without, an editor on the cell with its value as typed. Cells kept as typed are listed
 * with "fix it automatically again", and cells the user edited (by hand, a bulk fix or find & replace) with their
 * value before → now. The row comes from the grid, which fetches it again after every change to the data, so this
 * card follows bulk operations too.
 */
import { useEffect, useState } from 'react';
import { Badge, Button, Card, Group, Menu, ScrollArea, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../../shared/ingest/types';
import { isSwitchable } from '../../../shared/prepare/keep';
import type { GridRow } from '../workers/protocol';
import { useBilingual } from '../i18n';

/** A line's badge keeps its width, and its long text wraps (a 300-character value must not push the badge to "BẠ…"). */
const NO_SHRINK = { flexShrink: 0 } as const;
const WRAP_ANYWHERE = { minWidth: 0, overflowWrap: 'anywhere' } as const;

/** What the row details can ask the review screen to do. */
export interface RowDetailsActions {
  onApply(rowIndex: number, column: number, value: string): void;
  /** Turns a kind of change off (or on again) for the whole file. */
  onUndoChange(code: string): void;
  /** Keeps one cell as typed for `code` (keep) or fixes it automatically again. */
  onKeep(rowIndex: number, column: number, code: string, keep: boolean): void;
  /** Keeps every cell of a column as typed (for the changes that can be turned off). */
  onKeepColumn(column: number): void;
}

/** The details card under the grid. */
export function RowDetails({ row, columns, onApply, onUndoChange, onKeep, onKeepColumn }: { row: GridRow | undefined; columns: Column[] } & RowDetailsActions) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const [editing, setEditing] = useState<{ column: number; value: string } | null>(null);
  const rowIndex = row?.rowIndex;
  useEffect(() => setEditing(null), [rowIndex]);
  const header = (c: number | null) => (c === null ? t('review.wholeRow') : (columns.find((x) => x.index === c)?.header ?? ''));
  if (!row) return <Card withBorder padding="xs" h={96}><Text size="sm" c="dimmed">{t('review.selectRow')}</Text></Card>;
  const save = () => {
    if (editing) onApply(row.rowIndex, editing.column, editing.value);
    setEditing(null);
  };
  return (
    <Card withBorder padding="xs" h={96} data-testid="row-details">
      <ScrollArea h={78} type="auto">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('review.rowN', { n: row.rowNumber })} · {t(`status.${row.status}`)}
            {row.duplicateOf ? ` · ${t('review.duplicateOf', { n: row.duplicateOf })}` : ''}
          </Text>
          {editing && (
            <Group gap="xs" wrap="nowrap" data-testid="cell-editor">
              <TextInput
                size="xs"
                w={280}
                autoFocus
                aria-label={t('keep.editLabel', { column: header(editing.column) })}
                value={editing.value}
                onChange={(e) => setEditing({ ...editing, value: e.currentTarget.value })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') save();
                  if (e.key === 'Escape') setEditing(null);
                }}
              />
              <Button size="compact-xs" onClick={save}>{t('keep.save')}</Button>
              <Button size="compact-xs" variant="subtle" onClick={() => setEditing(null)}>{t('keep.cancel')}</Button>
              <Text size="xs" c="dimmed">{t('keep.editHelp')}</Text>
            </Group>
          )}
          {(row.kept ?? []).flatMap((k) => k.codes.map((code) => (
            <Group key={`k${k.column}-${code}`} gap="xs" wrap="nowrap" data-testid="kept-line">
              <Badge size="xs" style={NO_SHRINK} color="teal">{t('keep.kept')}</Badge>
              <Text size="xs" style={WRAP_ANYWHERE}>{t('keep.keptLine', { column: header(k.column), change: t(`change.${code}`, { defaultValue: code }) })}</Text>
              <Button size="compact-xs" variant="light" onClick={() => onKeep(row.rowIndex, k.column, code, false)} data-testid="apply-again">{t('keep.applyAgain')}</Button>
            </Group>
          )))}
          {(row.editedFrom ?? []).map((e) => (
            <Group key={`e${e.column}`} gap="xs" wrap="nowrap" data-testid="edited-line" data-column={e.column}>
              <Badge size="xs" style={NO_SHRINK} color="green">{t('review.editedByYou')}</Badge>
              <Text size="xs" style={WRAP_ANYWHERE}>{header(e.column)}: <s>{e.before || t('review.emptyValue')}</s> → <b>{row.cells[e.column] || t('review.emptyValue')}</b></Text>
            </Group>
          ))}
          {row.issues.map((i, k) => (
            <Group key={`i${k}`} gap="xs" wrap="nowrap">
              <Badge size="xs" style={NO_SHRINK} color={i.severity === 'error' ? 'red' : 'yellow'}>{t(`severity.${i.severity}`)}</Badge>
              <Text size="xs" style={WRAP_ANYWHERE}>{header(i.column)}: {pick(i.message)}</Text>
              {i.suggestion !== undefined && i.column !== null && (
                <Button size="compact-xs" variant="light" onClick={() => onApply(row.rowIndex, i.column!, i.suggestion!)}>{t('review.applySuggestion', { value: i.suggestion })}</Button>
              )}
            </Group>
          ))}
          {row.changes.map((c, k) => (
            <Group key={`c${k}`} gap="xs" wrap="nowrap" data-testid="change-line" data-code={c.code} data-column={c.column}>
              <Badge size="xs" style={NO_SHRINK} color="blue">{t('review.changed')}</Badge>
              <Text size="xs" style={WRAP_ANYWHERE}>{header(c.column)}: <s>{c.before}</s> → <b>{c.after}</b> — {pick(c.reason)}</Text>
              {isSwitchable(c.code) ? (
                <>
                  <Tooltip label={t('keep.originalHelp')} multiline w={280}>
                    <Button size="compact-xs" variant="light" onClick={() => onKeep(row.rowIndex, c.column, c.code, true)} data-testid="keep-original">{t('keep.original')}</Button>
                  </Tooltip>
                  <Menu position="top-end" withinPortal>
                    <Menu.Target><Button size="compact-xs" variant="subtle" aria-label={t('keep.more')}>⋯</Button></Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => onKeepColumn(c.column)}>{t('keep.column')}</Menu.Item>
                      <Menu.Item onClick={() => onUndoChange(c.code)}>{t('keep.kind')}</Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </>
              ) : (
                <Tooltip label={t('keep.editHelp')} multiline w={280}>
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ column: c.column, value: row.cells[c.column] ?? '' })} data-testid="edit-cell">{t('keep.editCell')}</Button>
                </Tooltip>
              )}
            </Group>
          ))}
          {row.issues.length === 0 && row.changes.length === 0 && !row.kept && !row.editedFrom?.length && <Text size="xs" c="dimmed">{t('review.rowClean')}</Text>}
        </Stack>
      </ScrollArea>
    </Card>
  );
}
