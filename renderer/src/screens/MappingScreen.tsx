/**
 * Screen 3 — Mapping: every column with sample values and its suggested target (with confidence and why);
 * a searchable target list grouped as contact fields / dynamic attributes / funnels; phone/email kind;
 * templates saved by the user and proposed when this file's headers match one.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Card, Group, Loader, Menu, NativeSelect, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping, TargetDef, TargetId } from '../../../shared/mapping/types';
import type { ValueType } from '../../../shared/omi/types';
import { dynamicKind } from '../../../shared/clean/dynamic-value';
import { useFile } from '../stores/file';
import { useMapping } from '../stores/mapping';
import { useWizard } from '../stores/wizard';
import type { Bilingual } from '../../../shared/text';
import { formatPercent } from '../format';
import { ErrorAlert } from '../components/ErrorAlert';
import { StepActions } from '../components/StepActions';
import { TargetPicker, type TargetOptions } from '../components/TargetPicker';
import { HoverTooltip } from '../components/HoverTooltip';

const GROUP_ORDER: TargetDef['group'][] = ['ignore', 'contact', 'dynamic', 'funnel'];
const tableClasses = Table.classes;

export function MappingScreen() {
  const { t, i18n } = useTranslation();
  // A stable picker (useBilingual gives a new one each render), so the memoised rows below stay memoised.
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const pick = useMemo(() => (text: Bilingual | undefined | null) => (text ? text[lang] : ''), [lang]);
  const table = useFile((s) => s.table);
  const tableVersion = useFile((s) => s.tableVersion);
  const readingWhole = useFile((s) => s.readingWhole);
  const [waitingForWhole, setWaitingForWhole] = useState(false);
  const m = useMapping();
  const go = useWizard((s) => s.go);
  const [templateName, setTemplateName] = useState('');

  useEffect(() => {
    if (table && useMapping.getState().forTable !== tableVersion) void useMapping.getState().suggest(tableVersion);
  }, [table, tableVersion]);

  // The rows are cheap to mount (the target list is built only when a row's picker is opened: TargetPicker), so
  // they all go on screen in one render as soon as the mapping is this table's.
  const mappings = m.mappings;
  const current = m.forTable === tableVersion;
  const shown = !m.busy && current && mappings.length > 0;
  useEffect(() => {
    if (!shown) return;
    // For the end-to-end measurements: the moment the suggested mapping is on screen.
    performance.mark('omi:mapping-ready');
    // A big file was opened from its first rows: read the rest now that the worker is free, while the user
    // looks at the mapping (reading it before would have held this screen back). In a task of its own.
    setTimeout(() => void useFile.getState().loadFull(), 0);
  }, [shown]);

  const data = useMemo(
    () =>
      GROUP_ORDER.map((g) => ({
        group: t(`targetGroup.${g}`),
        items: m.targets.filter((d) => d.group === g).map((d) => ({ value: d.id, label: pick(d.label) })),
      })).filter((g) => g.items.length > 0),
    [m.targets, pick, t],
  );

  // A single-valued field mapped from two columns would silently lose one of them: say so.
  const clashes = useMemo(() => {
    const seen = new Map<string, number>();
    for (const x of m.mappings) if (x.target !== 'ignore' && !m.targets.find((d) => d.id === x.target)?.multi) seen.set(x.target, (seen.get(x.target) ?? 0) + 1);
    return new Set([...seen].filter(([, n]) => n > 1).map(([k]) => k));
  }, [m.mappings, m.targets]);

  // The rows are rebuilt only when what they show changes, not when the screen re-renders for other state (e.g.
  // the whole-file read starting or ending).
  const { setTarget, setValueType, targets } = m;
  const rows = useMemo(
    () =>
      current &&
      mappings.map((x) => {
        const i = table?.columns.findIndex((c) => c.index === x.column) ?? -1;
        return (
          <MappingRow
            key={x.column}
            x={x}
            letter={table?.columns[i]?.letter ?? ''}
            samples={table?.samples[i]}
            def={targets.find((d) => d.id === x.target)}
            data={data}
            clash={clashes.has(x.target)}
            pick={pick}
            setTarget={setTarget}
            setValueType={setValueType}
          />
        );
      }),
    [current, mappings, table, targets, data, clashes, pick, setTarget, setValueType],
  );

  const ready = m.mappings.length > 0 && m.mappings.some((x) => x.target !== 'ignore') && clashes.size === 0;

  // The review screen checks the rows itself when the table or the mapping changed since its last check; it needs
  // every row, so a file still being read whole is waited for here, with a note saying so.
  const next = async () => {
    if (useFile.getState().table?.partial) {
      setWaitingForWhole(true);
      const ok = await useFile.getState().loadFull();
      setWaitingForWhole(false);
      if (!ok) return;
    }
    go('review');
  };
  const fileError = useFile((s) => s.error);

  if (!table) return <Text>{t('mapping.noFile')}</Text>;

  return (
    <Stack gap="md" maw={1280} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">{t('mapping.title')}</Title>
          <Text c="dimmed" size="sm">{t('mapping.intro', { file: table.fileName, sheet: table.sheet })}</Text>
        </div>
        <Group gap="xs" align="flex-end">
          {m.templates.length > 0 && (
            <Menu>
              <Menu.Target><Button variant="default">{t('mapping.useTemplate')}</Button></Menu.Target>
              <Menu.Dropdown>
                {m.templates.map((tp) => <Menu.Item key={tp.name} onClick={() => void m.applyTemplate(tp.name)}>{tp.name}</Menu.Item>)}
              </Menu.Dropdown>
            </Menu>
          )}
          {/* A visible label, not only a placeholder that goes away as soon as one types. */}
          <TextInput label={t('mapping.templateName')} placeholder={t('mapping.templateNameExample')} value={templateName} onChange={(e) => setTemplateName(e.currentTarget.value)} w={220} data-testid="template-name" />
          <Button variant="default" disabled={!templateName.trim()} onClick={() => { void m.saveTemplate(templateName.trim()); setTemplateName(''); }}>{t('mapping.saveTemplate')}</Button>
        </Group>
      </Group>

      {m.proposed.length > 0 && m.appliedTemplate !== m.proposed[0].name && (
        <Alert color="teal" p="xs" data-testid="template-proposal" aria-label={t('mapping.proposedTitle')}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm">{t('mapping.proposed', { name: m.proposed[0].name, score: formatPercent(m.proposed[0].score) })}</Text>
            <Button size="xs" onClick={() => void m.applyTemplate(m.proposed[0].name)}>{t('mapping.apply')}</Button>
          </Group>
        </Alert>
      )}
      {m.appliedTemplate && <Text size="sm" c="teal">{t('mapping.applied', { name: m.appliedTemplate })}</Text>}
      <ErrorAlert error={m.error} />
      <ErrorAlert error={fileError} />
      {clashes.size > 0 && <ErrorAlert error={{ vi: t('mapping.clash', { lng: 'vi' }), en: t('mapping.clash', { lng: 'en' }) }} color="orange" />}

      <Card withBorder padding={0}>
        {m.busy || (!current && !m.error) ? <Group p="md"><Loader size="sm" /><Text size="sm">{t('mapping.suggesting')}</Text></Group> : (
          <ScrollArea h="calc(100vh - 270px)" mih={280} type="auto">
            <Table stickyHeader verticalSpacing={6} fz="sm" data-testid="mapping-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={200}>{t('mapping.column')}</Table.Th>
                  <Table.Th>{t('mapping.samples')}</Table.Th>
                  <Table.Th w={300}>{t('mapping.target')}</Table.Th>
                  <Table.Th w={150}>{t('mapping.kind')}</Table.Th>
                  <Table.Th w={110}>{t('mapping.confidence')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Card>

      {(readingWhole || waitingForWhole) && (
        <Group gap="xs" data-testid="reading-whole">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">{t('file.readingWhole')}</Text>
        </Group>
      )}
      <StepActions onBack={() => go('file')} onNext={() => void next()} nextDisabled={!ready || m.busy} loading={waitingForWhole} nextLabel={t('mapping.next')} />
    </Stack>
  );
}

interface RowProps {
  x: ColumnMapping;
  letter: string;
  samples: string[] | undefined;
  def: TargetDef | undefined;
  data: TargetOptions;
  clash: boolean;
  pick: (text: Bilingual | undefined | null) => string;
  setTarget: (column: number, target: TargetId) => void;
  setValueType: (column: number, valueType: ValueType) => void;
}

/** One column's row; memoised, so adding rows or changing one target re-renders only the rows that changed. */
const MappingRow = memo(function MappingRow({ x, letter, samples, def, data, clash, pick, setTarget, setValueType }: RowProps) {
  const { t } = useTranslation();
  const isList = x.target === 'phones' || x.target === 'emails';
  return (
    // Plain row and cells with the Table's own classes: a Table.Tr / Table.Td component per cell made the rows
    // several times dearer to mount than the elements they draw.
    <tr className={tableClasses.tr} data-with-row-border data-column={x.header}>
      <td className={tableClasses.td}>
        <Text size="sm" fw={500}>{x.header}</Text>
        <Text size="xs" c="dimmed">{t('mapping.letter', { letter })}</Text>
      </td>
      <td className={tableClasses.td} style={{ maxWidth: 380 }}>
        <Text size="xs" c="dimmed" lineClamp={2}>{samples?.length ? samples.join(' · ') : t('mapping.empty')}</Text>
      </td>
      <td className={tableClasses.td}>
        <TargetPicker
          value={x.target}
          label={def ? pick(def.label) : x.target}
          options={data}
          onChange={(v) => setTarget(x.column, v as TargetId)}
          ariaLabel={t('mapping.targetFor', { column: x.header })}
          nothingFound={t('mapping.nothingFound')}
          error={clash}
          testId={`target-${x.column}`}
        />
      </td>
      <td className={tableClasses.td}>
        {isList && (
          <NativeSelect
            size="xs"
            value={x.valueType ?? 'personal'}
            onChange={(e) => setValueType(x.column, e.currentTarget.value as ValueType)}
            data={(['personal', 'home', 'office'] as const).map((v) => ({ value: v, label: t(`valueType.${v}`) }))}
            aria-label={t('mapping.kindFor', { column: x.header })}
          />
        )}
      </td>
      <td className={tableClasses.td}>
        {x.target === 'ignore' ? <Badge color="gray" variant="light" tt="none">{t('mapping.ignored')}</Badge> : (
          <HoverTooltip label={x.why ? pick(x.why) : (x.reason ?? (x.confidence >= 1 ? t('mapping.chosen') : ''))} disabled={!x.why && !x.reason && x.confidence < 1} w={260}>
            <Badge tt="none" variant="light" color={x.confidence >= 0.8 ? 'teal' : x.confidence >= 0.5 ? 'yellow' : 'orange'}>
              {x.confidence >= 1 ? t('mapping.chosenShort') : formatPercent(x.confidence)}
            </Badge>
          </HoverTooltip>
        )}
        {/* What the attribute takes, in words (its layout type, "select" or "date", means nothing to most users). */}
        {def?.attribute && <Text size="xs" c="dimmed">{t(`mapping.attrKind.${dynamicKind(def.attribute)}`)}</Text>}
      </td>
    </tr>
  );
});
