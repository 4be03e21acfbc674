/** Shows a sentence for the user (what happened, what to do) in the current language. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../../../shared/text';
import { useBilingual } from '../i18n';

export function ErrorAlert({ error, onClose, color = 'red' }: { error: Bilingual | null; onClose?: () => void; color?: string }) {
  const { t } = useTranslation();
  const pick = useBilingual();
  if (!error) return null;
  return (
    <Alert color={color} title={t('common.problem')} withCloseButton={!!onClose} onClose={onClose} role="alert" mb="sm">
      {pick(error)}
    </Alert>
  );
}
