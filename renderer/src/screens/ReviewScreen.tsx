/**
 * Screen 4 — Review & clean: counts per kind of problem, filters, bulk fixes, find & replace, undo/redo,
 * duplicate groups with the merge policy, the editable grid, and what the tool changed in the selected row.
 * "Clean only" saves the cleaned spreadsheet without importing.
 */
import { useCallback, useEffect, useState } from 'react';
import { ActionIcon, Badge, Button, Checkbox, Group, Loader, Menu, Popover, ScrollArea, SegmentedControl, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { request } from '../bridge';
import { useFile } from '../stores/file';
import { useMapping } from '../stores/mapping';
import { useReview } from '../stores/review';
import { useWizard } from '../stores/wizard';
import { toBilingual } from '../stores/errors';
import { useBilingual } from '../i18n';
import { formatNumber } from '../format';
import { callWorker } from '../workers/client';
import type { GridRow, ReviewFilter } from '../workers/protocol';
import { ErrorAlert } from '../components/ErrorAlert';
import { StepActions } from '../components/StepActions';
import { ReviewGrid } from '../components/ReviewGrid';
import { RowDetails } from '../components/RowDetails';
import { DuplicateGroups } from '../components/DuplicateGroups';

export function ReviewScreen() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const table = useFile((s) => s.table);
  const { mappings, targets } = useMapping();
  const r = useReview();
  const go = useWizard((s) => s.go);
  const [activeRow, setActiveRow] = useState<GridRow | undefined>();
  const [dupOpen, setDupOpen] = useState(false);
  const [exportError, setExportError] = useState<ReturnType<typeof toBilingual> | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useHotkeys([
    ['mod+z', () => void useReview.getState().undo()],
    ['mod+y', () => void useReview.getState().redo()],
    ['mod+shift+z', () => void useReview.getState().redo()],
  ]);

  // Arriving here with a table or mapping that changed since the last check (e.g. through the steps above):
  // check again rather than show rows that no longer match.
  const tableVersion = useFile((st) => st.tableVersion);
  const mappingsNow = useMapping((st) => st.mappings);
  useEffect(() => {
    const p = useReview.getState().preparedFor;
    if (!useReview.getState().busy && (!p || p.tableVersion !== tableVersion || p.mappings !== mappingsNow)) void useReview.getState().prepare();
  }, [tableVersion, mappingsNow]);

  const onEdit = useCallback((rowIndex: number, column: number, value: string) => void useReview.getState().edit(rowIndex, column, value), []);

  const exportClean = async (format: 'xlsx' | 'csv') => {
    setExportError(null);
    setSaved(null);
    try {
      const bytes = await callWorker('cleanExport', { format });
      const base = (table?.fileName ?? 'danh-ba').replace(/\.[^.]+$/, '');
      const res = await request('file:save', { defaultName: `${base} (${t('review.cleanSuffix')}).${format}`, bytes });
      if (res && !res.ok) setExportError(res.error.text);
      if (res?.ok) setSaved(res.value.path);
    } catch (e) {
      setExportError(toBilingual(e));
    }
  };

  if (!table) return <Text>{t('mapping.noFile')}</Text>;
  const s = r.summary;
  const filters: { value: ReviewFilter; label: string }[] = [
    { value: 'all', label: `${t('review.filter.all')} (${formatNumber(s?.counts.total ?? 0)})` },
    { value: 'errors', label: `${t('review.filter.errors')} (${formatNumber(s?.counts.invalid ?? 0)})` },
    { value: 'warnings', label: `${t('review.filter.warnings')} (${formatNumber(s?.counts.warnings ?? 0)})` },
    { value: 'duplicates', label: `${t('review.filter.duplicates')} (${formatNumber(s?.counts.duplicates ?? 0)})` },
    { value: 'changed', label: `${t('review.filter.changed')} (${formatNumber(s?.counts.changed ?? 0)})` },
  ];

  return (
    <Stack gap="xs" maw={1400} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">{t('review.title')}</Title>
          <Text c="dimmed" size="sm">{t('review.intro')}</Text>
        </div>
        {s && (
          <Group gap="xs" data-testid="review-counts">
            <Badge size="lg" color="teal" variant="light" tt="none">{t('review.valid', { n: formatNumber(s.counts.valid) })}</Badge>
            <Badge size="lg" color="red" variant="light" tt="none">{t('review.invalid', { n: formatNumber(s.counts.invalid) })}</Badge>
            <Badge size="lg" color="grape" variant="light" tt="none">{t('review.duplicates', { n: formatNumber(s.counts.duplicates) })}</Badge>
          </Group>
        )}
      </Group>

      <ErrorAlert error={r.error} />
      <ErrorAlert error={exportError} onClose={() => setExportError(null)} />
      {saved && <Text size="sm" c="teal" data-testid="clean-saved">{t('review.saved', { path: saved })}</Text>}

      {s && s.issues.length > 0 && (
        <ScrollArea type="auto" scrollbarSize={6}>
          <Group gap={6} wrap="nowrap" data-testid="issue-types">
            {s.issues.map((i) => (
              <Tooltip key={i.code} label={pick(i.message)} multiline w={320}>
                <Button
                  size="compact-xs"
                  variant={r.issueCode === i.code ? 'filled' : 'light'}
                  color={i.severity === 'error' ? 'red' : 'yellow'}
                  onClick={() => void r.setFilter('all', r.issueCode === i.code ? null : i.code)}
                >
                  {t(`issue.${i.code}`, { defaultValue: i.code })}: {formatNumber(i.count)}
                </Button>
              </Tooltip>
            ))}
          </Group>
        </ScrollArea>
      )}

      <Group justify="space-between" gap="xs">
        <SegmentedControl size="xs" value={r.issueCode || r.rowNumbers ? '' : r.filter} onChange={(v) => void r.setFilter(v as ReviewFilter)} data={filters} aria-label={t('review.filterLabel')} data-testid="filters" />
        <Group gap="xs">
          <Menu>
            <Menu.Target><Button size="xs" variant="default" data-testid="bulk">{t('review.bulk')}</Button></Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void r.bulk('suggestions')}>{t('review.fix.suggestions')}</Menu.Item>
              <Menu.Item onClick={() => void r.bulk('phones')}>{t('review.fix.phones')}</Menu.Item>
              <Menu.Item onClick={() => void r.bulk('title-case')}>{t('review.fix.titleCase')}</Menu.Item>
              <Menu.Item onClick={() => void r.bulk('trim')}>{t('review.fix.trim')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <FindReplace columns={table.columns.map((c) => ({ value: String(c.index), label: c.header }))} />
          <Tooltip label={t('review.undo')}><ActionIcon variant="default" size="md" disabled={!s?.canUndo} onClick={() => void r.undo()} aria-label={t('review.undo')}>↶</ActionIcon></Tooltip>
          <Tooltip label={t('review.redo')}><ActionIcon variant="default" size="md" disabled={!s?.canRedo} onClick={() => void r.redo()} aria-label={t('review.redo')}>↷</ActionIcon></Tooltip>
          <Button size="xs" variant="default" onClick={() => setDupOpen(true)}>{t('review.groups', { n: formatNumber(s?.duplicateGroups ?? 0) })}</Button>
          <Menu>
            <Menu.Target><Button size="xs" variant="default">{t('review.cleanOnly')}</Button></Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void exportClean('xlsx')}>{t('review.saveAs', { format: 'Excel (.xlsx)' })}</Menu.Item>
              <Menu.Item onClick={() => void exportClean('csv')}>{t('review.saveAs', { format: 'CSV (.csv)' })}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      {r.lastTouched !== null && <Text size="xs" c="dimmed" data-testid="touched">{t('review.touched', { count: r.lastTouched, n: formatNumber(r.lastTouched) })}</Text>}
      {r.lastKept !== null && <Text size="xs" c="dimmed" data-testid="kept-count">{t('keep.columnDone', { count: r.lastKept, n: formatNumber(r.lastKept) })}</Text>}
      {r.rowNumbers && (
        <Group gap="xs" data-testid="group-filter">
          <Text size="xs">{t('dupes.gridFiltered', { rows: r.rowNumbers.join(', ') })}</Text>
          <Button size="compact-xs" variant="light" onClick={() => void r.setFilter('all')}>{t('dupes.showAll')}</Button>
        </Group>
      )}

      {!s ? (
        <Group p="md"><Loader size="sm" /><Text size="sm">{t('review.preparing', { n: formatNumber(table.rowCount) })}</Text></Group>
      ) : (
        <ReviewGrid
          columns={table.columns}
          mappings={mappings}
          targets={targets}
          count={s.viewCount}
          version={s.version}
          height="calc(100vh - 420px)"
          onEdit={onEdit}
          onActiveRow={setActiveRow}
        />
      )}
      <Group gap="md">
        <Text size="xs" c="dimmed"><span className="swatch cell-error" />{t('review.legend.error')}</Text>
        <Text size="xs" c="dimmed"><span className="swatch cell-warning" />{t('review.legend.warning')}</Text>
        <Text size="xs" c="dimmed"><span className="swatch cell-changed" />{t('review.legend.changed')}</Text>
        <Text size="xs" c="dimmed"><span className="swatch cell-edited" />{t('review.legend.edited')}</Text>
        <Text size="xs" c="dimmed"><span className="swatch cell-kept" />{t('review.legend.kept')}</Text>
        <Text size="xs" c="dimmed">{t('review.legend.keys')}</Text>
        {r.busy && <Loader size="xs" />}
      </Group>
      <RowDetails
        row={activeRow}
        columns={table.columns}
        onApply={onEdit}
        onUndoChange={(code) => void r.toggleChange(code)}
        onKeep={(rowIndex, column, code, keep) => void r.keepOriginal(rowIndex, column, code, keep)}
        onKeepColumn={(column) => void r.keepColumn(column)}
      />
      {r.disabledChanges.length > 0 && (
        <Group gap="xs">
          <Text size="xs">{t('review.changesOff')}</Text>
          {r.disabledChanges.map((code) => (
            <Button key={code} size="compact-xs" variant="light" onClick={() => void r.toggleChange(code)}>{t(`change.${code}`, { defaultValue: code })} ✕</Button>
          ))}
        </Group>
      )}

      <DuplicateGroups opened={dupOpen} onClose={() => setDupOpen(false)} targets={targets} />

      <StepActions onBack={() => go('mapping')} onNext={() => go('import')} nextDisabled={!s || s.counts.valid === 0 || r.busy} nextLabel={t('review.next', { n: formatNumber(s?.counts.valid ?? 0) })} />
    </Stack>
  );
}

function FindReplace({ columns }: { columns: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [find, setFind] = useState('');
  const [replacement, setReplacement] = useState('');
  const [column, setColumn] = useState<string>('all');
  const [matchCase, setMatchCase] = useState(false);
  return (
    <Popover opened={open} onChange={setOpen} trapFocus position="bottom-end" width={320} shadow="md">
      <Popover.Target><Button size="xs" variant="default" onClick={() => setOpen((o) => !o)}>{t('review.findReplace')}</Button></Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput size="xs" label={t('review.find')} value={find} onChange={(e) => setFind(e.currentTarget.value)} data-autofocus />
          <TextInput size="xs" label={t('review.replaceWith')} value={replacement} onChange={(e) => setReplacement(e.currentTarget.value)} />
          <Select size="xs" label={t('review.inColumn')} value={column} onChange={(v) => setColumn(v ?? 'all')} data={[{ value: 'all', label: t('review.allColumns') }, ...columns]} allowDeselect={false} comboboxProps={{ withinPortal: false }} />
          <Checkbox size="xs" label={t('review.matchCase')} checked={matchCase} onChange={(e) => setMatchCase(e.currentTarget.checked)} />
          <Button size="xs" disabled={!find} onClick={() => { void useReview.getState().replace(find, replacement, column === 'all' ? null : Number(column), matchCase); setOpen(false); }}>
            {t('review.replaceAll')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
