/**
 * Screen 5 — Import: mode, duplicate policy, chunk size and concurrency under "advanced"; then a progress bar
 * with rows/s and time left, a live throughput chart, pause / resume / cancel, and failures as they happen.
 */
import { memo, useDeferredValue, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Accordion, Alert, Badge, Button, Card, Group, Loader, Modal, NumberInput, PasswordInput, Progress, ScrollArea, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportMode, ImportProgress, ImportResult, RowOutcome } from '../../../shared/upload/types';
import type { Bilingual } from '../../../shared/text';
import type { ImportState, ThroughputPoint } from '../stores/importer';
import { importInFlight, unsentOf, useImport } from '../stores/importer';
import { useReview } from '../stores/review';
import { useWizard } from '../stores/wizard';
import { formatDuration, formatNumber, formatRate, rateCount } from '../format';
import { ErrorAlert } from '../components/ErrorAlert';
import { ThroughputChart } from '../components/ThroughputChart';
import { StepActions } from '../components/StepActions';

export function ImportScreen() {
  const { t, i18n } = useTranslation();
  // A stable picker (useBilingual gives a new one each render), so the memoised failure list stays memoised.
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const pick = useMemo(() => (text: Bilingual | undefined | null) => (text ? text[lang] : ''), [lang]);
  // Everything but the live figures: progress events (ten a second) re-render only the progress card, which
  // subscribes to them itself; this screen re-renders when the phase changes (started, finishing, done).
  const im = useImport(useShallow((s) => ({
    mode: s.mode, options: s.options, fileName: s.fileName, failures: s.failures, failureCount: s.failureCount, result: s.result,
    needsCredentials: s.needsCredentials, busy: s.busy, error: s.error, setMode: s.setMode, setOptions: s.setOptions, start: s.start,
    cancel: s.cancel, renew: s.renew, sendRemaining: s.sendRemaining,
    hasProgress: s.progress !== null,
    running: s.progress !== null && !s.progress.final,
    // Between the last progress event and the result main is still settling (journal, history): the import is
    // not over, so nothing may offer to start it again.
    inFlight: importInFlight(s),
  })));
  const summary = useReview((s) => s.summary);
  const policy = useReview((s) => s.policy);
  const go = useWizard((s) => s.go);
  const [token, setToken] = useState('');
  const { running, inFlight } = im;
  const finishing = inFlight && !running;
  const idle = !running && !inFlight && !im.result;

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <div>
        <Title order={2} size="h3">{t('import.title')}</Title>
        <Text c="dimmed" size="sm">
          {im.hasProgress ? t('import.introRunning', { file: im.fileName ?? '' }) : t('import.intro', { count: summary?.counts.valid ?? 0, n: formatNumber(summary?.counts.valid ?? 0) })}
        </Text>
      </div>
      <ErrorAlert error={im.error} />

      {idle && (
        <Card withBorder padding="md">
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={500} mb={4}>{t('import.mode')}</Text>
              <SegmentedControl value={im.mode} onChange={(v) => im.setMode(v as ImportMode)} data={(['create', 'update', 'upsert'] as const).map((m) => ({ value: m, label: t(`mode.${m}`) }))} data-testid="mode" />
              <Text size="xs" c="dimmed" mt={4}>{t(`modeHelp.${im.mode}`)}</Text>
            </div>
            <Text size="sm">{t('import.policy', { policy: t(`policy.${policy}`) })} <Button size="compact-xs" variant="subtle" onClick={() => go('review')}>{t('import.changePolicy')}</Button></Text>
            <Accordion variant="contained">
              <Accordion.Item value="advanced">
                <Accordion.Control>{t('import.advanced')}</Accordion.Control>
                <Accordion.Panel>
                  <SimpleGrid cols={3}>
                    <NumberInput label={t('import.chunkSize')} description={t('import.chunkSizeHelp')} min={1} max={1000} value={im.options.chunkSize} onChange={(v) => im.setOptions({ chunkSize: Number(v) || 1 })} />
                    <NumberInput label={t('import.concurrency')} description={t('import.concurrencyHelp')} min={1} max={16} value={im.options.concurrency} onChange={(v) => im.setOptions({ concurrency: Number(v) || 1 })} />
                    <NumberInput label={t('import.retries')} description={t('import.retriesHelp')} min={0} max={100} value={im.options.maxRetries} onChange={(v) => im.setOptions({ maxRetries: Number(v) || 0 })} />
                  </SimpleGrid>
                </Accordion.Panel>
              </Accordion.Item>
            </Accordion>
          </Stack>
        </Card>
      )}

      {im.hasProgress && <ProgressCard />}

      {im.failures.length > 0 && <FailureList failures={im.failures} count={im.failureCount} pick={pick} />}

      {finishing && (
        <Group gap="xs" data-testid="finishing" role="status">
          <Loader size="xs" />
          <Text size="sm">{t('import.finishing')}</Text>
        </Group>
      )}

      {im.result && <FinishedPanel result={im.result} unsent={unsentOf(im.result)} busy={im.busy} sendRemaining={im.sendRemaining} seeResults={() => go('results')} />}

      <Modal opened={im.needsCredentials} onClose={() => undefined} withCloseButton={false} title={t('import.tokenTitle')} centered>
        <Text size="sm" mb="sm">{t('import.tokenText')}</Text>
        <PasswordInput label={t('connection.token')} value={token} onChange={(e) => setToken(e.currentTarget.value)} autoComplete="off" data-autofocus />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => void im.cancel()}>{t('import.cancel')}</Button>
          <Button disabled={!token} onClick={() => void im.renew(token).then((ok) => ok && setToken(''))}>{t('import.tokenContinue')}</Button>
        </Group>
      </Modal>

      <StepActions
        onBack={running || finishing ? undefined : () => go('review')}
        onNext={idle ? () => void im.start() : undefined}
        nextLabel={t('import.start', { count: summary?.counts.valid ?? 0, n: formatNumber(summary?.counts.valid ?? 0) })}
        nextDisabled={!summary || summary.counts.valid === 0}
        loading={im.busy}
      />
    </Stack>
  );
}

/**
 * What the import came to, in one panel: green when every row landed; yellow when rows failed (how many, and
 * where to see them), or when a cancel left rows unsent, with the button that sends them (the same import
 * continued from its journal, so nothing already sent goes twice).
 */
function FinishedPanel({ result, unsent, busy, sendRemaining, seeResults }: {
  result: ImportResult; unsent: number; busy: boolean; sendRemaining: () => Promise<boolean>; seeResults: () => void;
}) {
  const { t } = useTranslation();
  const seeButton = <Button size="xs" variant={unsent > 0 ? 'default' : 'filled'} onClick={seeResults} data-testid="see-results">{t('import.seeResults')}</Button>;
  if (unsent > 0) {
    const title = t(result.stopped ? 'import.stoppedTitle' : 'import.cancelledTitle', { n: formatNumber(unsent), count: unsent });
    return (
      <Alert color="yellow" title={title} data-testid="finished-panel" data-kind="unsent">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('import.cancelledText')}</Text>
          <Group gap="xs" wrap="nowrap">
            {seeButton}
            <Button size="xs" color="yellow" loading={busy} onClick={() => void sendRemaining()} data-testid="send-remaining">
              {t('import.sendRemaining', { n: formatNumber(unsent), count: unsent })}
            </Button>
          </Group>
        </Group>
      </Alert>
    );
  }
  const failed = result.counts.failed;
  return (
    <Alert color={failed > 0 ? 'yellow' : 'teal'} title={failed > 0 ? t('import.finishedFailed', { n: formatNumber(failed), count: failed }) : t('import.finished')} data-testid="finished-panel" data-kind={failed > 0 ? 'failed' : 'done'}>
      <Group justify="space-between" wrap="nowrap"><Text size="sm">{t(failed > 0 ? 'import.finishedFailedText' : 'import.finishedText')}</Text>{seeButton}</Group>
    </Alert>
  );
}

const tableClasses = Table.classes;

/**
 * Failures as they happen (the first 500). Memoised: progress events re-render the screen ten times a second,
 * and this list only changes when a failure arrives; plain rows with the Table's classes, as up to 1,000 Table.Td
 * components made each of those renders a long task.
 */
const FailureList = memo(function FailureList({ failures, count, pick }: { failures: RowOutcome[]; count: number; pick: (text: Bilingual | undefined | null) => string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm">
      <Text fw={600} size="sm" mb="xs">{t('import.failures', { n: formatNumber(count) })}</Text>
      <ScrollArea h={160} type="auto">
        <Table fz="xs" striped data-testid="failures">
          <Table.Tbody>
            {failures.map((f) => (
              <tr key={`${f.rowNumber}-${f.refId}`} className={tableClasses.tr} data-striped="odd" data-with-row-border>
                <td className={tableClasses.td} style={{ width: 80 }}>{t('review.rowN', { n: f.rowNumber })}</td>
                <td className={tableClasses.td}>
                  {pick(f.reason)}
                  {f.reason?.detail && <Text component="span" display="block" size="xs" c="dimmed" data-testid="failure-detail">{f.reason.detail}</Text>}
                </td>
              </tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Card>
  );
});

/**
 * The bar, rows/s, time left, counts, the live chart and pause / resume / cancel. Its own subscription to the
 * progress and the chart's points: a progress event re-renders this card only, not the whole screen.
 */
function ProgressCard() {
  // The unsent rows count only once the progress is final (the card shows them then): a cancel settles hundreds of
  // chunks, and each would re-render the card for a figure not on screen yet.
  const { progress, throughput, unsent, starting, pause, resume, cancel } = useImport(useShallow((s) => ({
    progress: s.progress, throughput: s.throughput, unsent: s.progress?.final ? s.unsentCount : 0,
    // Start pressed, no progress event yet: the plan is being built and handed over (seconds for a big file).
    starting: s.busy && s.throughput.length === 0 && !s.progress?.final,
    pause: s.pause, resume: s.resume, cancel: s.cancel,
  })));
  // The figures are redrawn at transition priority (the memoised card below gets the deferred progress): ten
  // progress events a second never make one long task on a busy machine, as React renders in slices and lets
  // input in between; the final state shows as soon as the thread is free.
  const p = useDeferredValue(progress);
  const points = useDeferredValue(throughput);
  if (!p) return null;
  return <ProgressFigures p={p} throughput={points} unsent={unsent} starting={starting} pause={pause} resume={resume} cancel={cancel} />;
}

type ProgressProps = { p: ImportProgress; throughput: ThroughputPoint[]; unsent: number; starting: boolean } & Pick<ImportState, 'pause' | 'resume' | 'cancel'>;

const ProgressFigures = memo(function ProgressFigures({ p, throughput, unsent: unsentRows, starting, pause, resume, cancel }: ProgressProps) {
  const { t } = useTranslation();
  const running = !p.final;
  // main counts the rows a cancel left unsent as skipped in its last event: they are not done, so the bar stops
  // at the rows that were, and they get their own count.
  const unsent = p.final ? Math.min(unsentRows, p.skipped) : 0;
  const skipped = p.skipped - unsent;
  const done = p.created + p.updated + skipped + p.failed;
  const percent = p.total > 0 ? Math.min(100, (done / p.total) * 100) : 0;
  return (
    <Card withBorder padding="md" data-testid="progress">
      <Group justify="space-between" mb={6}>
        <Text fw={600}>{t('import.progress', { count: p.total, done: formatNumber(done), total: formatNumber(p.total) })}</Text>
        <Badge variant="light" color={p.state === 'running' ? 'teal' : p.state === 'done' ? 'teal' : 'yellow'} tt="none" data-testid="import-state">{t(`state.${p.state}`)}</Badge>
      </Group>
      <Progress value={percent} size="xl" color={p.state === 'cancelled' ? 'yellow' : undefined} striped={running && p.state === 'running'} animated={running && p.state === 'running'} aria-label={t('import.progressLabel')} />
      <Group justify="space-between" mt={6}>
        {/* After a cancel the last figure is the unsent rows settling at once, not a speed anyone saw. */}
        <Text size="sm" c="dimmed" data-testid="import-speed">
          {starting ? t('import.starting') : p.state === 'cancelled' ? '' : t('import.speed', { count: rateCount(p.rowsPerSecond), n: formatRate(p.rowsPerSecond) })}
        </Text>
        <Text size="sm" c="dimmed">{p.etaMs !== null && running ? t('import.eta', { time: formatDuration(p.etaMs, { approximate: true }) }) : ''}</Text>
      </Group>
      <Group gap="xs" mt="xs">
        <Badge color="teal" variant="dot" tt="none">{t('results.created')}: {formatNumber(p.created)}</Badge>
        <Badge color="blue" variant="dot" tt="none">{t('results.updated')}: {formatNumber(p.updated)}</Badge>
        <Badge color="gray" variant="dot" tt="none">{t('results.skipped')}: {formatNumber(skipped)}</Badge>
        <Badge color="red" variant="dot" tt="none">{t('results.failed')}: {formatNumber(p.failed)}</Badge>
        {unsent > 0 && <Badge color="yellow" variant="dot" tt="none" data-testid="unsent">{t('import.unsent')}: {formatNumber(unsent)}</Badge>}
      </Group>
      {throughput.length > 1 && <ThroughputChart points={throughput} />}
      {running && (
        <Group mt="sm">
          {p.state === 'paused'
            ? <Button onClick={() => void resume()} data-testid="resume">{t('import.resume')}</Button>
            : <Button variant="default" onClick={() => void pause()} data-testid="pause">{t('import.pause')}</Button>}
          <Button color="red" variant="light" onClick={() => void cancel()} data-testid="cancel">{t('import.cancel')}</Button>
        </Group>
      )}
    </Card>
  );
});
