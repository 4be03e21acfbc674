/** The selected row's problems (with "apply suggestion") and every automatic change, before → after. */
import { Badge, Button, Card, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Column } from '../../../shared/ingest/types';
import type { GridRow } from '../workers/protocol';
import { useBilingual } from '../i18n';

/**
 * The automatic changes the cleaners let the user turn off (shared/clean checks `allowed(ctx, code)` for these);
 * the others (e.g. removing spaces from a phone) are needed for the value to be sent at all.
 */
const SWITCHABLE_CHANGES = new Set(['name.title-case', 'email.typo-fixed', 'phone.leading-zero', 'phone.2018-conversion', 'phone.2017-area-code']);

export function RowDetails({ row, columns, onApply, onUndoChange }: { row: GridRow | undefined; columns: Column[]; onApply(rowIndex: number, column: number, value: string): void; onUndoChange(code: string): void }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const header = (c: number | null) => (c === null ? t('review.wholeRow') : (columns.find((x) => x.index === c)?.header ?? ''));
  if (!row) return <Card withBorder padding="xs" h={96}><Text size="sm" c="dimmed">{t('review.selectRow')}</Text></Card>;
  return (
    <Card withBorder padding="xs" h={96} data-testid="row-details">
      <ScrollArea h={78} type="auto">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('review.rowN', { n: row.rowNumber })} · {t(`status.${row.status}`)}
            {row.duplicateOf ? ` · ${t('review.duplicateOf', { n: row.duplicateOf })}` : ''}
          </Text>
          {row.issues.map((i, k) => (
            <Group key={`i${k}`} gap="xs" wrap="nowrap">
              <Badge size="xs" color={i.severity === 'error' ? 'red' : 'yellow'}>{t(`severity.${i.severity}`)}</Badge>
              <Text size="xs">{header(i.column)}: {pick(i.message)}</Text>
              {i.suggestion !== undefined && i.column !== null && (
                <Button size="compact-xs" variant="light" onClick={() => onApply(row.rowIndex, i.column!, i.suggestion!)}>{t('review.applySuggestion', { value: i.suggestion })}</Button>
              )}
            </Group>
          ))}
          {row.changes.map((c, k) => (
            <Group key={`c${k}`} gap="xs" wrap="nowrap">
              <Badge size="xs" color="blue">{t('review.changed')}</Badge>
              <Text size="xs">{header(c.column)}: <s>{c.before}</s> → <b>{c.after}</b> — {pick(c.reason)}</Text>
              {SWITCHABLE_CHANGES.has(c.code) && (
                <Button size="compact-xs" variant="subtle" onClick={() => onUndoChange(c.code)}>{t('review.undoChangeKind')}</Button>
              )}
            </Group>
          ))}
          {row.issues.length === 0 && row.changes.length === 0 && <Text size="xs" c="dimmed">{t('review.rowClean')}</Text>}
        </Stack>
      </ScrollArea>
    </Card>
  );
}
