/**
 * Screen 1 — Connection: the built-in sandbox (default on first start) or an OMI account (base URL + token).
 * "Test connection" shows the account's dynamic attributes and funnels; offline, the cached ones are used.
 */
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Card, Group, PasswordInput, Radio, ScrollArea, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
          <Button onClick={() => void saveAndTest()} loading={busy} disabled={!!urlProblem || needsToken || (mode === 'account' && !baseUrl)} data-testid="test-connection">
            {t('connection.test')}
          </Button>
          {tested && catalog && !catalog.offline && <Badge color="teal" variant="light" data-testid="connection-ok">{t('connection.ok')}</Badge>}
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
                  <Table.Thead><Table.Tr><Table.Th>{t('connection.attrName')}</Table.Th><Table.Th>{t('connection.attrCode')}</Table.Th><Table.Th>{t('connection.attrType')}</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {catalog.layout.map((a) => (
                      <Table.Tr key={a.fieldCode}><Table.Td>{a.name}</Table.Td><Table.Td><code>{a.fieldCode}</code></Table.Td><Table.Td>{a.fieldType}</Table.Td></Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </ScrollArea.Autosize>
          </Card>
          <Card withBorder padding="sm">
            <Text fw={600} mb="xs">{t('connection.funnels', { count: catalog.funnels.length })}</Text>
            <ScrollArea.Autosize mah={260}>
              {catalog.funnels.length === 0 ? <Text size="sm" c="dimmed">{t('connection.noFunnels')}</Text> : (
                <Stack gap="xs" data-testid="funnels">
                  {catalog.funnels.map((f) => (
                    <div key={f.id}>
                      <Text size="sm" fw={500}>{f.name}</Text>
                      <Group gap={4} mt={2}>
                        {f.statuses.map((s) => <Badge key={s.index} variant="outline" size="sm" tt="none">{s.index}. {s.name}{s.children.length > 0 ? ` (${s.children.length})` : ''}</Badge>)}
                      </Group>
                    </div>
                  ))}
                </Stack>
              )}
            </ScrollArea.Autosize>
          </Card>
        </SimpleGrid>
      )}

      <StepActions onNext={() => go('file')} nextDisabled={busy} nextLabel={catalog?.fetchedAt ? t('common.next') : t('connection.skip')} />
    </Stack>
  );
}
