/** The back / next bar at the bottom of each wizard screen. */
import { Button, Group, type ButtonVariant } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';

interface Props {
  onBack?: () => void;
  onNext?: () => void;
  nextLabel?: string;
  nextDisabled?: boolean;
  /**
   * The next button's look: filled (the default) when going on is what the screen is for; "default" (outlined,
   * secondary) when another button on the screen is the recommended step and going on is only allowed.
   */
  nextVariant?: ButtonVariant;
  loading?: boolean;
  children?: ReactNode;
}

export function StepActions({ onBack, onNext, nextLabel, nextDisabled, nextVariant, loading, children }: Props) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="md">
      <Group>{onBack && <Button variant="default" onClick={onBack}>{t('common.back')}</Button>}{children}</Group>
      {onNext && (
        <Button onClick={onNext} disabled={nextDisabled} loading={loading} variant={nextVariant} data-testid="next">
          {nextLabel ?? t('common.next')}
        </Button>
      )}
    </Group>
  );
}
