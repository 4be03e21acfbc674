/**
 * The duplicate groups drawer: the policy (keep-first / merge / keep-all), the groups (one per contact: what its rows
 * share in words, its rows),
 * and for each group on demand its rows side by side as they would be sent, with what the policy does: which row
 * goes and which are skipped (with the report's reason), or the merged contact with the values that came from other
 * rows marked. The preview comes from the worker (the shared prepare code), never worked out here.
 */
import { Fragment, useEffect, useState } from 'react';
import { Alert, Badge, Button, Drawer, Group, Loader, Mark, Select, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContactInput, DynamicUpdate } from '../../../shared/omi/types';
import type { MergedValue } from '../../../shared/prepare/duplicate-preview';
import type { DuplicateGroup, DuplicatePolicy } from '../../../shared/prepare/types';
import type { TargetDef } from '../../../shared/mapping/types';
import { dynamicKind } from '../../../shared/clean/dynamic-value';
import { formatNumber } from '../format';
import { dayFirst } from '../dayFirst';
import { useBilingual } from '../i18n';
import { useReview } from '../stores/review';
import { callWorker } from '../workers/client';
import type { DuplicatePreview } from '../workers/protocol';

/** Groups listed at most (the count of all of them is shown). */
const LIST_LIMIT = 500;
/** Rows of one group shown side by side at most. */
const PREVIEW_ROWS = 8;

/** Contact fields in the order a person reads them. */
const FIELDS = ['fullName', 'phones', 'emails', 'gender', 'address', 'jobTitle', 'tags', 'categories', 'business', 'refId', 'refCode', 'refType', 'passport', 'note', 'userOwnerEmail', 'avatarUrl', 'filterContacts'] as const;

/** One field's values of a contact, as shown (and as matched against MergedValue.value). */
function values(c: ContactInput, dynamic: DynamicUpdate[], field: string): string[] {
  if (field.startsWith('dynamic:')) return dynamic.find((d) => `dynamic:${d.fieldCode}` === field)?.values.map((v) => v.data) ?? [];
  const v = (c as Record<string, unknown>)[field];
  if (v === undefined || v === null || v === '') return [];
  if (!Array.isArray(v)) return [String(v)];
  return v.map((x) => (typeof x === 'string' ? x : typeof x === 'object' && x && 'data' in x ? String((x as { data: unknown }).data) : String((x as { id: unknown }).id)));
}

/** The drawer, opened from the review screen. */
export function DuplicateGroups({ opened, onClose, targets }: { opened: boolean; onClose(): void; targets: TargetDef[] }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const policy = useReview((s) => s.policy);
  const total = useReview((s) => s.summary?.duplicateGroups ?? 0);
  const version = useReview((s) => s.summary?.version);
  const [groups, setGroups] = useState<DuplicateGroup[]>([]);
  const [open, setOpen] = useState<string | null>(null);

  useEffect(() => {
    if (opened) void callWorker('duplicates', { limit: LIST_LIMIT }).then(setGroups, () => setGroups([]));
  }, [opened, version]);

  const showInGrid = (g: DuplicateGroup) => {
    void useReview.getState().setFilter('all', null, g.rowNumbers);
    onClose();
  };

  return (
    <Drawer opened={opened} onClose={onClose} title={t('review.groupsTitle')} position="right" size="xl" data-testid="dup-drawer">
      <Select
        label={t('review.policy')}
        value={policy}
        onChange={(v) => v && void useReview.getState().setPolicy(v as DuplicatePolicy)}
        data={(['keep-first', 'merge', 'keep-all'] as const).map((p) => ({ value: p, label: t(`policy.${p}`) }))}
        allowDeselect={false}
        mb="xs"
        data-testid="dup-policy"
      />
      <Text size="xs" c="dimmed" mb="sm">{t(`policyHelp.${policy}`)}</Text>
      {groups.length === 0 ? <Text size="sm" c="dimmed">{t('review.noGroups')}</Text> : (
        <>
          {total > groups.length && <Text size="xs" c="dimmed" mb="xs">{t('dupes.shown', { shown: formatNumber(groups.length), total: formatNumber(total) })}</Text>}
          <Table fz="sm" data-testid="dup-groups">
            <Table.Thead><Table.Tr><Table.Th>{t('dupes.sharedHead')}</Table.Th><Table.Th style={{ whiteSpace: 'nowrap' }}>{t('review.groupRows')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <Fragment key={g.key}>
                  <Table.Tr data-testid="dup-group" data-key={g.key}>
                    <Table.Td data-testid="dup-title">{g.title ? pick(g.title) : g.key}</Table.Td>
                    <Table.Td>{g.rowNumbers.join(', ')}</Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        <Button size="compact-xs" variant="light" onClick={() => setOpen(open === g.key ? null : g.key)} aria-expanded={open === g.key} data-testid="dup-expand">
                          {open === g.key ? t('dupes.collapse') : t('dupes.expand')}
                        </Button>
                        <Button size="compact-xs" variant="subtle" onClick={() => showInGrid(g)} data-testid="dup-show">{t('dupes.showInGrid')}</Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {open === g.key && (
                    <Table.Tr>
                      <Table.Td colSpan={3} p={0}><GroupPreview groupKey={g.key} policy={policy} version={version} targets={targets} /></Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Drawer>
  );
}

/** One group side by side under the current policy (asked from the worker whenever the data or policy changes). */
function GroupPreview({ groupKey, policy, version, targets }: { groupKey: string; policy: DuplicatePolicy; version: number | undefined; targets: TargetDef[] }) {
  const { t, i18n } = useTranslation();
  const pick = useBilingual();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [preview, setPreview] = useState<DuplicatePreview | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setPreview(undefined);
    callWorker('duplicatePreview', { key: groupKey, maxRows: PREVIEW_ROWS }).then((p) => live && setPreview(p), () => live && setPreview(null));
    return () => {
      live = false;
    };
  }, [groupKey, policy, version]);

  if (preview === undefined) return <Group p="xs"><Loader size="xs" /><Text size="xs">{t('dupes.loading')}</Text></Group>;
  if (preview === null) return <Text size="xs" c="dimmed" p="xs">{t('dupes.gone')}</Text>;

  const label = (field: string) => (field === 'filterContacts' ? t('targetGroup.funnel') : (targets.find((x) => x.id === field)?.label[lang] ?? field));
  // Values are what will be sent, shown as the user reads them: a date attribute's day the way the grid shows dates
  // (dd/mm/yyyy), a choice by its option's label ("Sự kiện", not the code "su_kien").
  const attribute = (field: string) => targets.find((x) => x.id === field)?.attribute;
  const shown = (field: string, v: string) => {
    if (field === 'gender') return t(`dupes.gender.${v}`, { defaultValue: v });
    if (field === 'filterContacts') return targets.find((x) => x.id === `funnel:${v}`)?.label[lang] ?? v;
    const attr = field.startsWith('dynamic:') ? attribute(field) : undefined;
    if (!attr) return v;
    const kind = dynamicKind(attr);
    if (kind === 'date') return dayFirst(v);
    if (kind === 'choice' || kind === 'multi-choice') return attr.options.find((o) => o.value === v)?.label || v;
    return v;
  };
  const dynamicFields = [...new Set([...preview.members.flatMap((m) => m.dynamic), ...(preview.merged?.dynamic ?? [])].map((d) => `dynamic:${d.fieldCode}`))];
  const fields = [...FIELDS, ...dynamicFields].filter((f) =>
    preview.members.some((m) => values(m.contact, m.dynamic, f).length) || (preview.merged && values(preview.merged.contact, preview.merged.dynamic, f).length));
  const fromOf = (field: string, v: string): MergedValue | undefined => preview.merged?.from.find((x) => x.field === field && x.value === v);
  const colour = { sent: 'teal', merged: 'teal', skipped: 'gray', invalid: 'red' } as const;

  return (
    <Stack gap={6} p="xs" data-testid="dup-preview" data-policy={preview.policy}>
      {preview.stale && (
        <Alert color="yellow" p="xs">
          <Group gap="xs" justify="space-between" wrap="nowrap">
            <Text size="xs">{t('dupes.stale')}</Text>
            <Button size="compact-xs" variant="light" onClick={() => void useReview.getState().prepare()}>{t('dupes.recheck')}</Button>
          </Group>
        </Alert>
      )}
      {preview.truncated && <Text size="xs" c="dimmed">{t('dupes.truncated', { n: formatNumber(preview.rowNumbers.length) })}</Text>}
      <Table fz="xs" withColumnBorders withTableBorder layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>{t('dupes.field')}</Table.Th>
            {preview.members.map((m) => (
              <Table.Th key={m.rowNumber} data-testid="dup-member" data-row={m.rowNumber} data-outcome={m.outcome}>
                <Group gap={4} wrap="nowrap">
                  <span>{t('dupes.rowN', { n: m.rowNumber })}</span>
                  <Badge size="xs" variant="light" color={colour[m.outcome]}>{t(`dupes.outcome.${m.outcome}`)}</Badge>
                </Group>
              </Table.Th>
            ))}
            {preview.merged && <Table.Th data-testid="dup-merged-head">{t('dupes.sentAs')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((f) => (
            <Table.Tr key={f} data-testid="dup-field" data-field={f}>
              <Table.Td fw={600}>{label(f)}</Table.Td>
              {preview.members.map((m) => (
                <Table.Td key={m.rowNumber} c={m.outcome === 'skipped' || m.outcome === 'invalid' ? 'dimmed' : undefined}>
                  {values(m.contact, m.dynamic, f).map((v) => <div key={v}>{shown(f, v)}</div>)}
                </Table.Td>
              ))}
              {preview.merged && (
                <Table.Td data-testid="dup-merged" data-field={f}>
                  {values(preview.merged.contact, preview.merged.dynamic, f).map((v) => {
                    const from = fromOf(f, v);
                    return from ? (
                      <Tooltip key={v} label={t('dupes.fromRow', { n: from.rowNumber })}>
                        <div data-testid="dup-from" data-from={from.rowNumber}><Mark color="yellow">{shown(f, v)}</Mark> <Text span size="xs" c="dimmed">({t('dupes.fromRow', { n: from.rowNumber })})</Text></div>
                      </Tooltip>
                    ) : <div key={v}>{shown(f, v)}</div>;
                  })}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {preview.merged && preview.merged.from.length > 0 && <Text size="xs" c="dimmed">{t('dupes.fromOthers')}</Text>}
      {preview.members.filter((m) => m.reason).map((m) => (
        <Text key={m.rowNumber} size="xs" data-testid="dup-reason">{t('dupes.skippedReason', { n: m.rowNumber, reason: pick(m.reason) })}</Text>
      ))}
    </Stack>
  );
}
