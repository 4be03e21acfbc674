/**
 * The wizard shell: a header with the steps and the language switch, the current screen below.
 * On start it loads the connection and offers to resume an import that was interrupted.
 */
import { useEffect } from 'react';
import { AppShell, Badge, Box, Group, SegmentedControl, Stepper, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from './i18n';
import { STEPS, useWizard, type Step } from './stores/wizard';
import { useConnection } from './stores/connection';
import { importInFlight, subscribeImportEvents, useImport } from './stores/importer';
import { ConnectionScreen } from './screens/ConnectionScreen';
import { FileScreen } from './screens/FileScreen';
import { MappingScreen } from './screens/MappingScreen';
import { ReviewScreen } from './screens/ReviewScreen';
import { ImportScreen } from './screens/ImportScreen';
import { ResultsScreen } from './screens/ResultsScreen';
import { PendingImportBanner } from './components/PendingImportBanner';

const SCREENS: Record<Step, () => React.JSX.Element> = {
  connection: ConnectionScreen,
  file: FileScreen,
  mapping: MappingScreen,
  review: ReviewScreen,
  import: ImportScreen,
  results: ResultsScreen,
};

// The width each screen keeps itself to (its root's `maw`): the resume offer above a screen takes the same width,
// so the two line up. test/e2e/wizard-wording.e2e.ts checks they match on the screens the offer is shown above.
const SCREEN_WIDTH: Record<Step, number> = {
  connection: 1100,
  file: 1200,
  mapping: 1280,
  review: 1400,
  import: 1100,
  results: 1100,
};

export function App() {
  const { t, i18n } = useTranslation();
  const { step, reached, go } = useWizard();
  const info = useConnection((s) => s.info);
  // In flight until its result (or failure) arrives: the last progress event comes before the report is written.
  const running = useImport(importInFlight);

  useEffect(() => {
    void useConnection.getState().load();
    void useImport.getState().loadPending();
    void useImport.getState().loadHistory();
    return subscribeImportEvents();
  }, []);

  // Closing the window while an import runs asks first (the journal lets it resume, but the user should know).
  useEffect(() => {
    if (!running) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [running]);

  const Screen = SCREENS[step];
  const active = STEPS.indexOf(step);

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="xs" wrap="nowrap">
            <Title order={1} size="h4" style={{ whiteSpace: 'nowrap' }}>OMI Importer</Title>
            {info && (
              <Badge variant="light" color={info.mode === 'sandbox' ? 'grape' : 'teal'} data-testid="connection-badge">
                {info.mode === 'sandbox' ? t('connection.sandbox') : t('connection.account')}
              </Badge>
            )}
          </Group>
          <Box style={{ flex: 1, minWidth: 0 }}>
            <Stepper
              active={active}
              onStepClick={(i) => !running && i <= reached && go(STEPS[i])}
              size="xs"
              allowNextStepsSelect={false}
              aria-label={t('app.steps')}
            >
              {STEPS.map((s, i) => (
                <Stepper.Step key={s} label={t(`steps.${s}`)} allowStepSelect={!running && i <= reached} />
              ))}
            </Stepper>
          </Box>
          <SegmentedControl
            size="xs"
            value={i18n.language === 'en' ? 'en' : 'vi'}
            onChange={(v) => setLanguage(v as Language)}
            data={[{ value: 'vi', label: 'Tiếng Việt' }, { value: 'en', label: 'English' }]}
            aria-label={t('app.language')}
          />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Box maw={SCREEN_WIDTH[step]} mx="auto">
          <PendingImportBanner />
        </Box>
        <Screen />
      </AppShell.Main>
    </AppShell>
  );
}
