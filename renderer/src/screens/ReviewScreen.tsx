/**
 * Screen 4 — Review & clean: counts per kind of problem, filters, bulk fixes, find & replace, undo/redo,
 * duplicate groups with the merge policy, the editable grid, and what the tool changed in the selected row.
 * "Clean only" saves the cleaned spreadsheet without importing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ActionIcon, Alert, Badge, Box, Button, Checkbox, Group, Loader, Menu, Popover, ScrollArea, SegmentedControl, Select, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
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
import type { Column } from '../../../shared/ingest/types';
import type { FindReplaceQuery, GridRow, ReplaceCount, ReviewFilter } from '../workers/protocol';
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
  // The grid always has an active cell (the first one at the start): it counts as the user's choice of column only
  // once the user has clicked in the grid or moved in it with the keys.
  const gridTouched = useRef(false);

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

  // Under the Errors filter with every error fixed: say so and offer the import (the fixed rows may still be in view).
  const noErrorsLeft = !!s && r.filter === 'errors' && !r.issueCode && !r.rowNumbers && s.viewCount - (s.outOfFilter ?? 0) === 0;

  return (
    // The screen fills the window's height (header 64 px + the shell's padding): the grid takes what the lines above
    // and below leave, so a message line never pushes the Back / Import bar out of a 1366x768 window.
    <Stack gap="xs" maw={1400} mx="auto" h="calc(100vh - 96px)" mih={560}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">{t('review.title')}</Title>
          <Text c="dimmed" size="sm">{t('review.intro')}</Text>
        </div>
        {s && (
          <Group gap="xs" data-testid="review-counts">
            <Badge size="lg" color="teal" variant="light" tt="none">{t('review.valid', { count: s.counts.valid, n: formatNumber(s.counts.valid) })}</Badge>
            <Badge size="lg" color="red" variant="light" tt="none">{t('review.invalid', { count: s.counts.invalid, n: formatNumber(s.counts.invalid) })}</Badge>
            <Badge size="lg" color="grape" variant="light" tt="none">{t('review.duplicates', { count: s.counts.duplicates, n: formatNumber(s.counts.duplicates) })}</Badge>
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
          <FindReplace columns={table.columns} activeColumn={() => (gridTouched.current ? activeGridColumn(table.columns) : null)} version={s?.version ?? 0} />
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

      {s?.outOfFilter !== undefined && !noErrorsLeft && (
        <Group gap="xs" data-testid="out-of-filter">
          <Text size="xs">{t('review.outOfFilter', { count: s.outOfFilter, n: formatNumber(s.outOfFilter) })}</Text>
          <Button size="compact-xs" variant="light" onClick={() => void r.refilter()}>{t('review.applyFilter')}</Button>
        </Group>
      )}
      {noErrorsLeft && (
        <Alert color="teal" variant="light" p="xs" data-testid="no-errors-left">
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={600}>{t('review.noErrorsLeft')}</Text>
            <Group gap="xs">
              <Button size="compact-sm" variant="default" onClick={() => void r.setFilter('all')}>{t('review.showAllRows')}</Button>
              <Button size="compact-sm" disabled={s.counts.valid === 0 || r.busy} onClick={() => go('import')}>{t('review.next', { count: s.counts.valid, n: formatNumber(s.counts.valid) })}</Button>
            </Group>
          </Group>
        </Alert>
      )}

      {!s ? (
        <Group p="md" style={{ flex: 1 }}><Loader size="sm" /><Text size="sm">{t('review.preparing', { count: table.rowCount, n: formatNumber(table.rowCount) })}</Text></Group>
      ) : (
        <Box
          style={{ flex: 1, minHeight: 120 }}
          onPointerDownCapture={() => { gridTouched.current = true; }}
          onKeyDownCapture={() => { gridTouched.current = true; }}
        >
          <ReviewGrid
            columns={table.columns}
            mappings={mappings}
            targets={targets}
            count={s.viewCount}
            version={s.version}
            height="100%"
            onEdit={onEdit}
            onActiveRow={setActiveRow}
          />
        </Box>
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

      <StepActions onBack={() => go('mapping')} onNext={() => go('import')} nextDisabled={!s || s.counts.valid === 0 || r.busy} nextLabel={t('review.next', { count: s?.counts.valid ?? 0, n: formatNumber(s?.counts.valid ?? 0) })} />
    </Stack>
  );
}

/**
 * The table column of the grid's active cell (a body cell or a column header), when it is drawn; null otherwise.
 * Read from the grid's DOM (data-col / data-head) because the grid reports only its active row.
 */
function activeGridColumn(columns: Column[]): number | null {
  const grid = document.querySelector('[data-testid="grid"]');
  const cell = grid?.querySelector<HTMLElement>('.grid-cell.cell-active[data-col]');
  if (cell) return Number(cell.dataset.col);
  const head = grid?.querySelector<HTMLElement>('.grid-head-cell.cell-active[data-head]');
  return head ? (columns[Number(head.dataset.head)]?.index ?? null) : null;
}

/**
 * Find & replace, made safe: whole cells only by default, the column of the active grid cell by default, and before
 * anything changes the count of cells that would change per column (worked out by the worker over every row), with
 * the count on the button. Nothing matching: it says so and the button stays off.
 */
function FindReplace({ columns, activeColumn, version }: { columns: Column[]; activeColumn: () => number | null; version: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [find, setFind] = useState('');
  const [replacement, setReplacement] = useState('');
  const [column, setColumn] = useState<string>('all');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeCell, setWholeCell] = useState(true);
  const [count, setCount] = useState<{ key: string; value: ReplaceCount } | null>(null);
  const busy = useReview((st) => st.busy);
  const query: FindReplaceQuery = { find, replace: replacement, column: column === 'all' ? null : Number(column), matchCase, wholeCell };
  // The count answers this exact query on this exact data (version): anything else is not shown as the count.
  const key = JSON.stringify([query.find, query.column, matchCase, wholeCell, version, replacement]);

  useEffect(() => {
    if (!open || !find.trim()) return;
    let live = true;
    // A short pause while typing, so the worker counts the text typed rather than every keystroke.
    const timer = setTimeout(() => {
      void callWorker('findReplace', { ...query, apply: false }).then((value) => { if (live) setCount({ key, value }); }, () => undefined);
    }, 150);
    return () => { live = false; clearTimeout(timer); };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` covers every input of the query
  }, [open, key]);

  const toggle = () => {
    if (!open) {
      const c = activeColumn();
      if (c !== null) setColumn(String(c));
    }
    setOpen((o) => !o);
  };
  const header = (c: number) => columns.find((x) => x.index === c)?.header ?? String(c);
  const counted = count?.key === key && find.trim() ? count.value : null;
  const list = counted?.columns.map((c) => `${header(c.column)} (${formatNumber(c.cells)})`).join(', ') ?? '';
  const apply = async () => {
    await useReview.getState().findReplace(query);
    setOpen(false);
  };
  return (
    <Popover opened={open} onChange={setOpen} trapFocus position="bottom-end" width={360} shadow="md">
      <Popover.Target><Button size="xs" variant="default" onClick={toggle} data-testid="find-replace">{t('review.findReplace')}</Button></Popover.Target>
      <Popover.Dropdown data-testid="find-replace-panel">
        <Stack gap="xs">
          <TextInput size="xs" label={t('review.find')} value={find} onChange={(e) => setFind(e.currentTarget.value)} data-autofocus />
          <TextInput size="xs" label={t('review.replaceWith')} value={replacement} onChange={(e) => setReplacement(e.currentTarget.value)} />
          <Select
            size="xs"
            label={t('review.inColumn')}
            value={column}
            onChange={(v) => setColumn(v ?? 'all')}
            data={[{ value: 'all', label: t('review.allColumns') }, ...columns.map((c) => ({ value: String(c.index), label: c.header }))]}
            allowDeselect={false}
            comboboxProps={{ withinPortal: false }}
          />
          <Tooltip label={t('review.wholeCellHelp')} multiline w={300} position="left">
            <Checkbox size="xs" label={t('review.wholeCell')} checked={wholeCell} onChange={(e) => setWholeCell(e.currentTarget.checked)} />
          </Tooltip>
          <Checkbox size="xs" label={t('review.matchCase')} checked={matchCase} onChange={(e) => setMatchCase(e.currentTarget.checked)} />
          {find.trim() && (
            <Text size="xs" c={counted?.cells === 0 ? 'dimmed' : undefined} data-testid="replace-count" aria-live="polite">
              {!counted
                ? t('review.counting')
                : counted.cells === 0
                  ? t('review.noMatch')
                  : t('review.willReplace', {
                    count: counted.cells,
                    n: formatNumber(counted.cells),
                    columns: t('review.columnCount', { count: counted.columns.length, n: formatNumber(counted.columns.length) }),
                    list,
                  })}
            </Text>
          )}
          <Button size="xs" disabled={!counted || counted.cells === 0 || busy} onClick={() => void apply()} data-testid="replace-apply">
            {counted && counted.cells > 0 ? t('review.replaceN', { count: counted.cells, n: formatNumber(counted.cells) }) : t('review.replaceAll')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
