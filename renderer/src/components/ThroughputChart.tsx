/**
 * The import's live rows/s chart: a sparkline (recharts through @mantine/charts) with the time span and the peak
 * written under it. Built so that it never makes a long task on the window's thread while rows are being sent.
 */
import { memo, startTransition, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Box, Group, Text } from '@mantine/core';
import { Sparkline } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { ThroughputPoint } from '../stores/importer';
import { formatNumber, formatRate, rateCount } from '../format';

const CHART_HEIGHT = 90;
const EMPTY_POINTS: ThroughputPoint[] = [];
const NO_VALUES: number[] = [];

/**
 * The chart with its caption. Memoised on `points` (the store adds one a second and none for the last progress
 * event), so progress events in between, and the screen turning to the outcome, do not redraw it. No axes: a
 * line chart's axes, ticks and measured labels cost its first draw ~0.1 s of the window's thread, and a redraw
 * tens of ms each second. Drawn at transition priority: React renders it in slices between events and clicks.
 */
export const ThroughputChart = memo(function ThroughputChart({ points: latest }: { points: ThroughputPoint[] }) {
  const { t } = useTranslation();
  const points = useDeferredValue(latest, EMPTY_POINTS);
  const values = useMemo(() => points.map((p) => p.rowsPerSecond), [points]);
  // The first render (urgent) keeps the chart's place; the chart itself is drawn in the transition.
  if (points.length === 0) return <Box h={CHART_HEIGHT + 22} mt="sm" />;
  const peak = Math.max(...values);
  return (
    <Box mt="sm" data-testid="throughput-chart">
      <StagedSparkline values={values} label={t('import.rowsPerSecond')} />
      <Group justify="space-between" mt={4}>
        <Text size="xs" c="dimmed">{t('import.rowsPerSecond')} · {formatNumber(Math.round(points[0].seconds))}–{formatNumber(Math.round(points[points.length - 1].seconds))} {t('import.seconds')}</Text>
        <Text size="xs" c="dimmed" data-testid="throughput-peak">↑ {t('import.speed', { count: rateCount(peak), n: formatRate(peak) })}</Text>
      </Group>
    </Box>
  );
});

/**
 * The sparkline, set up empty first and given its points a frame later. recharts sets up its store and
 * registers the chart's parts in the commit of its first draw, each step re-rendering the chart synchronously,
 * which no transition can slice: set up and drawn at once that was one task of 100–150 ms. Empty, the set-up is
 * about half of it; the points (scales, the curve) come in a task of their own.
 */
function StagedSparkline({ values, label }: { values: number[]; label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    // After the frame that shows the empty chart (recharts draws it once it has measured its box, in a task
    // after this one), the points in a transition of their own.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setReady(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return <Sparkline h={CHART_HEIGHT} data={ready ? values : NO_VALUES} color="teal.6" curveType="monotone" fillOpacity={0.3} strokeWidth={2} aria-label={label} role="img" />;
}
