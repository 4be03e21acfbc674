/**
 * Screen 1 — Connection: the built-in sandbox (default on first start) or an OMI account (base URL + token).
 * "Test connection" shows the account's dynamic attributes and funnels; offline, the cached ones are used.
 */
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Group, PasswordInput, Radio, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dynamicKind } from '../../../shared/clean/dynamic-value';
import type { Funnel, LayoutAttribute } from '../../../shared/omi/types';
import { useConnection } from '../stores/connection';
import { useWizard } from '../stores/wizard';
import { ErrorAlert } from '../components/ErrorAlert';
import { StepActions } from '../components/StepActions';

export function ConnectionScreen() {
  const { t } = useTranslation();
  const { info, catalog, busy, error, tested, usingCache, save, test } = useConnection();
  const go = useWizard((s) => s.go);
  const [mode, setMode] = useState<'sandbox' | 'account'>('sandbox');
  const [baseUrl, setBaseUrl] = useState('');
  const [token, setToken] = useState('');

  useEffect(() => {
    if (!info) return;
    setMode(info.mode);
    if (info.mode === 'account') setBaseUrl(info.baseUrl);
  }, [info]);

  const urlProblem = mode === 'account' && baseUrl !== '' && !/^https:\/\/|^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(baseUrl) ? t('connection.httpsRequired') : null;
  // The sandbox always "has" its token: a stored token counts only when the saved connection is an account.
  const tokenStored = info?.mode === 'account' && info.hasToken;
  const needsToken = mode === 'account' && !tokenStored && token === '';

  const connected = tested && !!catalog && !catalog.offline;

  const saveAndTest = async () => {
    const ok = await save(mode === 'sandbox' ? { mode } : { mode, baseUrl, ...(token ? { token } : {}) });
    if (ok) {
      setToken('');
      await test();
    }
  };

  return (
    <Stack gap="md" maw={1100} mx="auto">
      <div>
        <Title order={2} size="h3">{t('connection.title')}</Title>
        <Text c="dimmed" size="sm">{t('connection.intro')}</Text>
      </div>
      <Card withBorder padding="md">
        <Radio.Group value={mode} onChange={(v) => setMode(v as 'sandbox' | 'account')} label={t('connection.where')}>
          <Stack gap="xs" mt="xs">
            <Radio value="sandbox" label={t('connection.sandbox')} description={t('connection.sandboxHelp')} data-testid="mode-sandbox" />
            <Radio value="account" label={t('connection.account')} description={t('connection.accountHelp')} data-testid="mode-account" />
          </Stack>
        </Radio.Group>
        {mode === 'account' && (
          <SimpleGrid cols={2} mt="md">
            <TextInput label={t('connection.baseUrl')} placeholder="https://crm.example.vn" value={baseUrl} onChange={(e) => setBaseUrl(e.currentTarget.value)} error={urlProblem} required />
            <PasswordInput
              label={t('connection.token')}
              description={tokenStored ? t('connection.tokenStored') : t('connection.tokenHelp')}
              value={token}
              onChange={(e) => setToken(e.currentTarget.value)}
              autoComplete="off"
              required={!tokenStored}
            />
          </SimpleGrid>
        )}
        <Group mt="md">
          <Button onClick={() => void saveAndTest()} loading={busy} variant={connected ? 'light' : 'filled'} disabled={!!urlProblem || needsToken || (mode === 'account' && !baseUrl)} data-testid="test-connection">
            {t('connection.test')}
          </Button>
          {connected && <Badge color="teal" variant="light" data-testid="connection-ok">{t('connection.ok')}</Badge>}
          {!tested && !usingCache && catalog?.fetchedAt != null && (
            <Text size="sm" c="dimmed">{t('connection.cachedAt', { when: new Date(catalog.fetchedAt).toLocaleString() })}</Text>
          )}
        </Group>
      </Card>

      <ErrorAlert error={error} />
      {usingCache && catalog?.fetchedAt != null && (
        <Alert color="yellow" title={t('connection.offlineTitle')}>{t('connection.offline', { when: new Date(catalog.fetchedAt).toLocaleString() })}</Alert>
      )}

      {catalog && catalog.fetchedAt !== null && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Card withBorder padding="sm">
            <Text fw={600} mb="xs">{t('connection.attributes', { count: catalog.layout.length })}</Text>
            <ScrollArea.Autosize mah={260}>
              {catalog.layout.length === 0 ? <Text size="sm" c="dimmed">{t('connection.noAttributes')}</Text> : (
                <Table striped fz="sm" data-testid="attributes">
                  <Table.Thead><Table.Tr><Table.Th>{t('connection.attrName')}</Table.Th><Table.Th>{t('connection.attrType')}</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>{catalog.layout.map((a) => <AttributeRow key={a.fieldCode} attr={a} />)}</Table.Tbody>
                </Table>
              )}
            </ScrollArea.Autosize>
          </Card>
          <Card withBorder padding="sm">
            <Text fw={600} mb="xs">{t('connection.funnels', { count: catalog.funnels.length })}</Text>
            <ScrollArea.Autosize mah={260}>
              {catalog.funnels.length === 0 ? <Text size="sm" c="dimmed">{t('connection.noFunnels')}</Text> : (
                <Stack gap="xs" data-testid="funnels">
                  <Text size="xs" c="dimmed">{t('connection.funnelHint')}</Text>
                  {catalog.funnels.map((f) => <FunnelStatuses key={f.id} funnel={f} />)}
                </Stack>
              )}
            </ScrollArea.Autosize>
          </Card>
        </SimpleGrid>
      )}

      {/* Without a tested (or saved) account, going on is allowed but not the advice: "Save and test" stays the filled button. */}
      <StepActions
        onNext={() => go('file')}
        nextDisabled={busy}
        nextLabel={catalog?.fetchedAt ? t('common.next') : t('connection.skip')}
        nextVariant={catalog?.fetchedAt ? 'filled' : 'default'}
      />
    </Stack>
  );
}

/** A custom field: its name (the OMI field code on hover, for whoever sets up the account) and what it takes, in words. */
function AttributeRow({ attr }: { attr: LayoutAttribute }) {
  const { t } = useTranslation();
  const kind = dynamicKind(attr);
  const options = kind === 'choice' || kind === 'multi-choice' ? attr.options.map((o) => o.label || o.value) : [];
  return (
    <Table.Tr>
      <Table.Td title={t('connection.fieldCode', { code: attr.fieldCode })}>{attr.name}</Table.Td>
      <Table.Td data-kind={kind}>
        {t(`mapping.attrKind.${kind}`)}
        {options.length > 0 && <Text size="xs" c="dimmed" lineClamp={2}>{options.join(', ')}</Text>}
      </Table.Td>
    </Table.Tr>
  );
}

/** A funnel's statuses in order; a status with sub-statuses says how many, and names them on hover. */
function FunnelStatuses({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={500}>{funnel.name}</Text>
      <Group gap={4} mt={2}>
        {funnel.statuses.map((s) => {
          const badge = (
            <Badge key={s.index} variant="outline" size="sm" tt="none" data-testid="funnel-status">
              {s.index}. {s.name}
              {s.children.length > 0 && ` · ${t('connection.subStatuses', { count: s.children.length })}`}
            </Badge>
          );
          if (s.children.length === 0) return badge;
          return (
            <Tooltip key={s.index} multiline maw={320} withArrow label={s.children.map((c) => `${s.index}.${c.index} ${c.name}`).join('\n')} style={{ whiteSpace: 'pre-line' }}>
              {badge}
            </Tooltip>
          );
        })}
      </Group>
    </div>
  );
}
