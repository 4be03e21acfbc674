/**
 * Screen 6 — Results: created / updated / skipped / failed, a chart of failures by reason, the error report
 * (xlsx / csv), re-importing the failed rows after fixing them, and the history of imports.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Group, Menu, Progress, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { request } from '../bridge';
import { useFile } from '../stores/file';
import { unsentOf, useImport } from '../stores/importer';
import type { ImportRun } from '../stores/importer';
import { useReview } from '../stores/review';
import { useWizard } from '../stores/wizard';
import { toBilingual } from '../stores/errors';
import { useBilingual } from '../i18n';
import { formatDuration, formatNumber } from '../format';
import { callWorker } from '../workers/client';
import { ErrorAlert } from '../components/ErrorAlert';
import type { Bilingual } from '../../../shared/text';
import type { ImportResult } from '../../../shared/upload/types';

export function ResultsScreen() {
  const { t } = useTranslation();
  const pick = useBilingual();
  const im = useImport();
  const summary = useReview((s) => s.summary);
  const fileName = useFile((s) => s.fileName);
  const go = useWizard((s) => s.go);
  const [error, setError] = useState<ReturnType<typeof toBilingual> | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const result = im.result;

  // Read from the result as it came (failed groups counted by their row numbers), not expanded into one object
  // per row: a 100,000-row result would be 100,000 objects made on the window's thread when the screen opens.
  const failed = useMemo(() => failedOf(result), [result]);
  const byReason = useMemo(() => {
    const m = new Map<string, number>();
    for (const { reason, rowNumbers } of failed) {
      const key = pick(reason) || t('results.noReason');
      m.set(key, (m.get(key) ?? 0) + rowNumbers.length);
    }
    // Grouped by the sentence only (a detail differs per occurrence); the whole sentence is shown, wrapped.
    return [...m].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([reason, count]) => ({ reason, count }));
  }, [failed, pick, t]);

  const failedRows = useMemo(() => failed.flatMap((f) => f.rowNumbers), [failed]);
  // main counts the rows a cancel left unsent as skipped: shown apart, with the button that sends them.
  const unsent = useMemo(() => unsentOf(result), [result]);

  const exportReport = async (format: 'xlsx' | 'csv') => {
    if (!result) return;
    setError(null);
    setSaved(null);
    try {
      const bytes = await callWorker('errorReport', { result, format });
      const base = (fileName ?? 'import').replace(/\.[^.]+$/, '');
      const r = await request('file:save', { defaultName: `${base} (${t('results.reportSuffix')}).${format}`, bytes });
      if (r && !r.ok) setError(r.error.text);
      if (r?.ok) setSaved(r.value.path);
    } catch (e) {
      setError(toBilingual(e));
    }
  };

  const reimport = async () => {
    if (await im.start(failedRows)) go('import');
  };

  const sendRemaining = async () => {
    await im.sendRemaining();
  };

  const stat = (label: string, n: number, color: string, id: string) => (
    <Card withBorder padding="sm" data-testid={`count-${id}`}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700} c={color}>{formatNumber(n)}</Text>
    </Card>
  );

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <div>
        <Title order={2} size="h3">{t('results.title')}</Title>
        {result && im.run && <Text size="sm" fw={600} data-testid="run-label">{runLabel(im.run, t)}</Text>}
        {result && <Text c="dimmed" size="sm">{result.cancelled ? t('results.cancelled') : t('results.intro', { time: formatDuration(result.durationMs) })}</Text>}
        {result && im.run?.kind === 'reimport' && <Text c="dimmed" size="sm">{t('results.runReimportNote')}</Text>}
      </div>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {saved && <Text size="sm" c="teal" data-testid="report-saved">{t('review.saved', { path: saved })}</Text>}
      {result && (
        <>
          <SimpleGrid cols={{ base: 3, md: unsent > 0 ? 7 : 6 }}>
            {stat(t('results.created'), result.counts.created, 'teal', 'created')}
            {stat(t('results.updated'), result.counts.updated, 'blue', 'updated')}
            {stat(t('results.skipped'), result.counts.skipped - unsent, 'gray', 'skipped')}
            {unsent > 0 && stat(t('results.unsent'), unsent, 'yellow.8', 'unsent')}
            {stat(t('results.failed'), result.counts.failed, 'red', 'failed')}
            {stat(t('results.invalid'), summary?.counts.invalid ?? 0, 'orange', 'invalid')}
            {stat(t('results.duplicates'), summary?.counts.duplicates ?? 0, 'grape', 'duplicates')}
          </SimpleGrid>
          <Group align="flex-start">
            <Menu>
              <Menu.Target><Button data-testid="export-report">{t('results.export')}</Button></Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => void exportReport('xlsx')} data-testid="export-xlsx">Excel (.xlsx)</Menu.Item>
                <Menu.Item onClick={() => void exportReport('csv')} data-testid="export-csv">CSV (.csv)</Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {unsent > 0 && (
              <Described help={t('results.sendRemainingHelp')}>
                <Button color="yellow" loading={im.busy} onClick={() => void sendRemaining()} data-testid="send-remaining">{t('import.sendRemaining', { n: formatNumber(unsent), count: unsent })}</Button>
              </Described>
            )}
            {failedRows.length > 0 && (
              <Described help={t('results.fixHelp')}>
                <Button variant="default" onClick={() => go('review')} data-testid="fix-failed">{t('results.fix')}</Button>
              </Described>
            )}
            {failedRows.length > 0 && (
              <Described help={t('results.reimportHelp')}>
                <Button variant="light" onClick={() => void reimport()} data-testid="reimport">{t('results.reimport', { n: formatNumber(failedRows.length), count: failedRows.length })}</Button>
              </Described>
            )}
            <Button variant="subtle" onClick={() => go('file')}>{t('results.another')}</Button>
          </Group>
          {byReason.length > 0 && (
            <Card withBorder padding="sm">
              <Text fw={600} size="sm" mb="xs">{t('results.byReason')}</Text>
              <ReasonBars rows={byReason} label={t('results.rows')} />
            </Card>
          )}
        </>
      )}
      <Card withBorder padding="sm">
        <Text fw={600} size="sm" mb="xs">{t('results.history')}</Text>
        {im.history.length === 0 ? <Text size="sm" c="dimmed">{t('results.noHistory')}</Text> : (
          <ScrollArea.Autosize mah={220}>
            <Table fz="xs" striped data-testid="history">
              <Table.Thead><Table.Tr><Table.Th>{t('results.when')}</Table.Th><Table.Th>{t('results.file')}</Table.Th><Table.Th>{t('import.mode')}</Table.Th><Table.Th>{t('results.created')}</Table.Th><Table.Th>{t('results.updated')}</Table.Th><Table.Th>{t('results.skipped')}</Table.Th><Table.Th>{t('results.failed')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {[...im.history].sort((a, b) => b.startedAt - a.startedAt).map((h) => (
                  <Table.Tr key={h.importId + h.startedAt}>
                    <Table.Td>{new Date(h.startedAt).toLocaleString()}{h.cancelled ? ` (${h.unsent ? t('results.wasCancelledUnsent', { n: formatNumber(h.unsent) }) : t('results.wasCancelled')})` : ''}</Table.Td>
                    <Table.Td>{h.fileName}</Table.Td><Table.Td>{t(`mode.${h.mode}`)}</Table.Td>
                    <Table.Td>{formatNumber(h.counts.created)}</Table.Td><Table.Td>{formatNumber(h.counts.updated)}</Table.Td>
                    <Table.Td>{formatNumber(h.counts.skipped - (h.unsent ?? 0))}</Table.Td><Table.Td>{formatNumber(h.counts.failed)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Card>
    </Stack>
  );
}

/** A button with one line under it that says, in words, what it does. */
function Described({ help, children }: { help: string; children: React.ReactNode }) {
  return (
    // As wide as its button (min-content: the label never wraps), at least wide enough for a readable line.
    <Stack gap={2} w="min-content" miw={220}>
      {children}
      <Text size="xs" c="dimmed" lh={1.3}>{help}</Text>
    </Stack>
  );
}

/**
 * Failed rows by reason as bars: each reason's whole sentence (wrapped, never cut) over a bar as long as its
 * share of the largest group, and the count beside it.
 */
function ReasonBars({ rows, label }: { rows: { reason: string; count: number }[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Stack gap="xs" data-testid="failure-chart" role="list">
      {rows.map((r) => (
        <div key={r.reason} role="listitem" data-testid="failure-reason">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{r.reason}</Text>
          <Group gap="xs" wrap="nowrap">
            <Progress value={(r.count / max) * 100} color="red.6" size="lg" style={{ flex: 1 }} aria-label={`${r.reason} · ${label}: ${formatNumber(r.count)}`} />
            <Text size="sm" fw={600} miw={50} ta="right">{formatNumber(r.count)}</Text>
          </Group>
        </div>
      ))}
    </Stack>
  );
}

/** Which run the summary's figures are about, with its time of day ("Re-import at 10:32"). */
function runLabel(run: ImportRun, t: (key: string, o?: Record<string, unknown>) => string): string {
  const time = new Date(run.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const key = run.kind === 'reimport' ? 'results.runReimport' : run.kind === 'remaining' ? 'results.runRemaining' : 'results.runImport';
  return t(key, { time });
}

/** The failed rows of `result` by reason: each failed outcome kept whole as one row, each failed group as its rows. */
function failedOf(result: ImportResult | null): { reason?: Bilingual; rowNumbers: number[] }[] {
  if (!result) return [];
  const out: { reason?: Bilingual; rowNumbers: number[] }[] = [];
  for (const o of result.outcomes) if (o.outcome === 'failed') out.push({ reason: o.reason, rowNumbers: [o.rowNumber] });
  for (const g of result.grouped ?? []) if (g.outcome === 'failed') out.push({ reason: g.reason, rowNumbers: g.rowNumbers });
  return out;
}
