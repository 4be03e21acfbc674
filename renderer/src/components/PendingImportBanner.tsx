/** Offers to resume an import that was interrupted (window closed, crash) — shown at start until dealt with. */
import { useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useImport } from '../stores/importer';
import { formatNumber } from '../format';

export function PendingImportBanner() {
  const { t } = useTranslation();
  const pending = useImport((s) => s.pending);
  const current = useImport((s) => s.importId);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const shown = pending.filter((p) => p.importId !== current && !dismissed.includes(p.importId));
  if (shown.length === 0) return null;
  return (
    <>
      {shown.map((p) => (
        <Alert key={p.importId} color="yellow" title={t('pending.title')} mb="sm" data-testid="pending-import">
          <Group justify="space-between">
            <Text size="sm">{t('pending.text', { count: p.total, file: p.fileName, done: formatNumber(p.done), total: formatNumber(p.total), when: new Date(p.startedAt).toLocaleString() })}</Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => void useImport.getState().resume(p.importId)}>{t('pending.resume')}</Button>
              <Button size="xs" variant="default" onClick={() => setDismissed((d) => [...d, p.importId])}>{t('pending.later')}</Button>
            </Group>
          </Group>
        </Alert>
      ))}
    </>
  );
}
