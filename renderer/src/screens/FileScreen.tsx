/**
 * Screen 2 — File: drop a spreadsheet or pick one, recent files, the sheet (with row counts), the header row
 * over a preview, and the legacy-encoding conversions that were applied (each can be turned off per column).
 */
import { useDeferredValue, useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, NumberInput, Paper, ScrollArea, Select, Stack, Switch, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFile } from '../stores/file';
import { useWizard } from '../stores/wizard';
import { useBilingual } from '../i18n';
import { formatNumber } from '../format';
import { ErrorAlert } from '../components/ErrorAlert';
import { StepActions } from '../components/StepActions';
import { PreviewTable } from '../components/PreviewTable';
import { startWorker } from '../workers/client';
import { acceptedFormats } from '../../../shared/ingest/formats';
import type { ColumnConversion } from '../../../shared/ingest/types';

export function FileScreen() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const f = useFile();
  const go = useWizard((s) => s.go);
  const [dragging, setDragging] = useState(false);
  const [pickHeader, setPickHeader] = useState(false);

  useEffect(() => {
    void useFile.getState().loadRecent();
    // The first number formatted loads the locale's number data (~100 ms on a busy laptop): do it while the user
    // picks a file, not in the render that shows the file they dropped.
    // The file worker is started now too, so the drop does not wait for it to load.
    const idle = window.requestIdleCallback?.(() => {
      startWorker();
      formatNumber(0);
    });
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
    };
  }, []);

  const onDrop = async (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    performance.mark('omi:file-dropped');
    await f.openBytes(file.name, await file.arrayBuffer());
  };

  const applyHeaderRow = (text: string) => {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n !== f.table?.headerRow) void f.chooseHeaderRow(n);
  };

  // The table card (a few hundred cells) renders in the background, in slices, so taking a new file never
  // blocks the window for long; the Next button follows the store at once.
  const table = useDeferredValue(f.table);
  const workbook = useDeferredValue(f.workbook);
  const converted = table?.columns.filter((c) => c.conversion) ?? [];
  // A column typed over the years may mix fonts: name each, commonest first, with its cells ("VNI (2), TCVN3 (1)").
  const encodingsOf = (conv: ColumnConversion) => {
    const by = Object.entries(conv.byEncoding ?? {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    if (by.length < 2) return t(`encoding.${conv.encoding}`);
    return by.map(([e, n]) => t('file.encodingCells', { encoding: t(`encoding.${e}`), count: n, n: formatNumber(n) })).join(', ');
  };
  // The reader also writes each conversion as a note ('Cột "Họ và tên": đã chuyển …'); it is shown once, above, with
  // its switch, not a second time among the notes.
  const conversionNote = (n: { vi: string; en: string }) => converted.some((c) => n.vi.startsWith(`Cột "${c.header}":`) && n.en.startsWith(`Column "${c.header}":`));
  const notes = table?.notes.filter((n) => !conversionNote(n)) ?? [];
  // Until a big file is read whole, its row counts are those of the first rows only: say "counting" instead.
  const partial = table?.partial === true;
  const rowsLabel = (n: number) => (partial ? t('file.rowsCounting', { n: formatNumber(n) }) : t('file.rows', { count: n, n: formatNumber(n) }));
  // The sheet list counts every row of a sheet (title and header too); the badge counts the rows under the header,
  // and says so, so "22 rows" beside "20 rows" is not a puzzle.
  const dataRowsLabel = (n: number) => (partial ? t('file.rowsCounting', { n: formatNumber(n) }) : t('file.dataRows', { count: n, n: formatNumber(n) }));
  const sheetOptions = (workbook?.sheets ?? []).map((s) => ({
    value: s.name,
    label: `${s.name} — ${rowsLabel(s.rowCount)}${s.hidden ? ` (${t('file.hidden')})` : ''}`,
    disabled: s.empty,
  }));

  return (
    <Stack gap="md" maw={1200} mx="auto">
      <div>
        <Title order={2} size="h3">{t('file.title')}</Title>
        <Text c="dimmed" size="sm">{t('file.intro')}</Text>
      </div>
      <Group align="stretch" grow wrap="nowrap">
        <Paper
          withBorder
          p="lg"
          data-testid="dropzone"
          onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => void onDrop(e)}
          style={{ borderStyle: 'dashed', borderWidth: 2, borderColor: dragging ? 'var(--mantine-color-teal-5)' : undefined, flex: 2 }}
        >
          <Stack align="center" gap="xs">
            <Text fw={500}>{t('file.drop')}</Text>
            {/* The list the reader accepts, the same words as the "not a spreadsheet" error. */}
            <Text size="sm" c="dimmed" data-testid="formats">{pick(acceptedFormats)}</Text>
            <Button onClick={() => void f.openDialog()} loading={f.busy} data-testid="open-dialog">{t('file.choose')}</Button>
          </Stack>
        </Paper>
        <Card withBorder padding="sm" style={{ flex: 1 }}>
          <Text fw={600} size="sm" mb="xs">{t('file.recent')}</Text>
          {f.recent.length === 0 ? <Text size="sm" c="dimmed">{t('file.noRecent')}</Text> : (
            <ScrollArea.Autosize mah={120}>
              <Stack gap={2}>
                {f.recent.slice(0, 8).map((r) => (
                  <UnstyledButton key={r.fileId} onClick={() => void f.openRecent(r.fileId)} p={4} style={{ borderRadius: 4 }}>
                    <Text size="sm" truncate>{r.name}</Text>
                    <Text size="xs" c="dimmed">{new Date(r.openedAt).toLocaleString()}</Text>
                  </UnstyledButton>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Card>
      </Group>

      <ErrorAlert error={f.error} />
      {f.busy && <Group gap="xs"><Loader size="sm" /><Text size="sm">{t('file.reading', { name: f.fileName ?? '' })}</Text></Group>}

      {table && workbook && (
        <Card withBorder padding="md">
          <Group justify="space-between" mb="sm" align="flex-end">
            <Group align="flex-end">
              <Select label={t('file.sheet')} data={sheetOptions} value={table.sheet} onChange={(v) => v && void f.chooseSheet(v)} allowDeselect={false} w={320} data-testid="sheet" />
              <NumberInput
                key={`${table.sheet}:${table.headerRow}`}
                label={t('file.headerRow')}
                defaultValue={table.headerRow}
                min={1}
                max={1000}
                w={150}
                onBlur={(e) => applyHeaderRow(e.currentTarget.value)}
                onKeyDown={(e) => e.key === 'Enter' && applyHeaderRow(e.currentTarget.value)}
              />
              <Button variant="default" onClick={() => { setPickHeader(!pickHeader); if (!pickHeader) void f.loadPreview(); }}>
                {pickHeader ? t('file.hideHeaderPicker') : t('file.pickHeader')}
              </Button>
            </Group>
            <Group gap="xs">
              <Badge variant="light" size="lg" tt="none" data-testid="row-count" leftSection={partial ? <Loader size={12} /> : undefined}>{dataRowsLabel(table.rowCount)}</Badge>
              <Badge variant="light" size="lg" tt="none" color="gray">{t('file.columns', { count: table.columns.length })}</Badge>
              {workbook.encoding && (
                <Badge variant="light" size="lg" tt="none" color="gray" data-testid="text-encoding">
                  {t('file.textEncoding', { name: t(`file.encodingName.${workbook.encoding}`, { defaultValue: workbook.encoding.toUpperCase() }) })}
                </Badge>
              )}
            </Group>
          </Group>

          {pickHeader && (
            <Card withBorder padding="xs" mb="sm">
              <Text size="sm" mb="xs">{t('file.headerPickerHelp')}</Text>
              {!f.preview ? <Loader size="sm" /> : (
                <ScrollArea h={240}>
                  <Table fz="xs" highlightOnHover withColumnBorders>
                    <Table.Tbody>
                      {f.preview.rows.map((r) => (
                        <Table.Tr key={r.rowNumber} bg={r.rowNumber === table?.headerRow ? 'var(--mantine-color-teal-light)' : undefined}>
                          <Table.Td><Button size="compact-xs" variant={r.rowNumber === table?.headerRow ? 'filled' : 'default'} onClick={() => void f.chooseHeaderRow(r.rowNumber)}>{t('file.useRow', { n: r.rowNumber })}</Button></Table.Td>
                          {r.cells.slice(0, 12).map((c, i) => <Table.Td key={i} style={{ whiteSpace: 'nowrap', maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis' }}>{c}</Table.Td>)}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea>
              )}
            </Card>
          )}

          {converted.length > 0 && (
            <Alert color="blue" title={t('file.conversionsTitle')} mb="sm" data-testid="conversions">
              <Stack gap={6}>
                <Text size="sm" c="dimmed">{t('file.conversionsHelp')}</Text>
                {converted.map((c) => {
                  const conv = c.conversion!;
                  const on = !f.conversionsOff.includes(c.index);
                  return (
                    <Group key={c.index} justify="space-between" wrap="nowrap">
                      <Text size="sm">
                        {t('file.conversion', { column: c.header, letter: c.letter, encoding: encodingsOf(conv), count: conv.cells, cells: formatNumber(conv.cells) })}
                        {conv.samples[0] && <> — <i>{conv.samples[0].before}</i> → <b>{conv.samples[0].after}</b></>}
                      </Text>
                      <Switch checked={on} onChange={() => void f.toggleConversion(c.index)} label={on ? t('file.conversionOn') : t('file.conversionOff')} aria-label={t('file.conversionToggle', { column: c.header })} style={{ flexShrink: 0 }} styles={{ label: { whiteSpace: 'nowrap' } }} />
                    </Group>
                  );
                })}
              </Stack>
            </Alert>
          )}
          {notes.length > 0 && (
            <Alert color="gray" mb="sm" title={t('file.notes')} data-testid="read-notes">
              <Stack gap={2}>{notes.map((n, i) => <Text key={i} size="sm">{pick(n)}</Text>)}</Stack>
            </Alert>
          )}
          <PreviewTable columns={table.columns} rows={table.preview} height={260} label={t('file.previewLabel')} />
        </Card>
      )}

      <StepActions onBack={() => go('connection')} onNext={() => go('mapping')} nextDisabled={!f.table || f.busy || f.table.rowCount === 0} />
    </Stack>
  );
}
