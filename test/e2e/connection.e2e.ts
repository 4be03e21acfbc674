/**
 * The Connection screen with an OMI account: plain http is refused for a non-loopback address, a real account
 * (here the sandbox on loopback, with its token) is tested and shows its fields and funnels, and the token never
 * comes back to the window: no bridge answer and no page content holds it. When the account stops accepting the
 * token in the middle of an import, the import waits, asks for a new one, and carries on.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeMessyWorkbook } from '../fixtures/messy';
import { useAppSession } from './session';
import { openAndAcceptMapping, sendSlowly } from './flow';

describe('connecting to an OMI account', () => {
  // The app's built-in "Sandbox" connection points at a closed port: the sandbox is reached only as an account.
  const app = useAppSession('omi-connection-', {
    sandbox: { token: 'omi-secret-token-4711' },
    appSandbox: { url: 'http://127.0.0.1:9', token: 'unused' },
  });

  it('needs https away from this computer, tests the account, and never hands the token back', async () => {
    const { ui, sandbox } = app;
    const { page } = ui;
    const answers: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/__bridge/')) void r.text().then((t) => answers.push(t), () => undefined);
    });

    await page.getByTestId('mode-account').click();
    await page.getByLabel('Địa chỉ API').fill('http://crm.example.vn');
    await page.getByText(/phải bắt đầu bằng https:\/\//).waitFor();
    expect(await page.getByTestId('test-connection').isDisabled()).toBe(true);

    await page.getByLabel('Địa chỉ API').fill(sandbox.url);
    await page.getByLabel('Mã truy cập (token)').fill(sandbox.token);
    await page.getByTestId('test-connection').click();
    await page.getByTestId('connection-ok').waitFor();
    await page.getByTestId('attributes').waitFor();
    await ui.screenshot('10-connection-account');

    // The token field is emptied once saved and says a token is stored.
    expect(await page.getByLabel('Mã truy cập (token)').inputValue()).toBe('');
    await page.getByText('Đã lưu một mã truy cập').waitFor();
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.includes(sandbox.token))).toEqual([]);
    expect(await page.content()).not.toContain(sandbox.token);
    expect(ui.errors).toEqual([]);
  });

  it('asks for a new token when the account stops accepting it, then carries on', async () => {
    const { ui, sandbox, harness, tmp } = app;
    const { page } = ui;
    const workbook = join(tmp, 'khach-hang.xlsx');
    writeMessyWorkbook(workbook);
    await page.getByTestId('next').click();
    const valid = await openAndAcceptMapping(page, harness, workbook);

    // The token "expires" after a few calls.
    await sandbox.faults({ tokenExpiresAfter: 4 });
    await sendSlowly(page);
    await page.getByTestId('next').click();
    const dialog = page.getByRole('dialog', { name: 'Cần mã truy cập mới' });
    await dialog.waitFor({ timeout: 60_000 });
    await ui.screenshot('11-token-expired');
    await sandbox.faults({ tokenExpiresAfter: null });
    await dialog.getByLabel('Mã truy cập (token)').fill(sandbox.token);
    await dialog.getByRole('button', { name: 'Dùng mã này và tiếp tục' }).click();
    await page.getByTestId('see-results').waitFor({ timeout: 120_000 });
    expect(await sandbox.contacts()).toHaveLength(valid);
    expect(ui.errors).toEqual([]);
  });
});
