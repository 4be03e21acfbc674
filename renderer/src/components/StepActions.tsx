/** The back / next bar at the bottom of each wizard screen. */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';

interface Props {
  onBack?: () => void;
  onNext?: () => void;
  nextLabel?: string;
  nextDisabled?: boolean;
  loading?: boolean;
  children?: ReactNode;
}

export function StepActions({ onBack, onNext, nextLabel, nextDisabled, loading, children }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="md">
      <Group>{onBack && <Button variant="default" onClick={onBack}>{t('common.back')}</Button>}{children}</Group>
      {onNext && (
        <Button onClick={onNext} disabled={nextDisabled} loading={loading} data-testid="next">
          {nextLabel ?? t('common.next')}
        </Button>
      )}
    </Group>
  );
}
