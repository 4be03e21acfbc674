import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isAppUrl, isTrustedSender } from './security';

describe('links handed to the operating system', () => {
  it.each(['https://omicall.com/docs', 'http://example.vn/a?b=c'])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });
  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'not a url',
    '',
    42,
    null,
    { toString: () => 'https://x' },
    `https://x.vn/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('navigation', () => {
  const fileApp = 'file:///opt/omi/resources/app/out/renderer/index.html';
  it('stays on the app page when packaged', () => {
    expect(isAppUrl(`${fileApp}#/mapping`, fileApp)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', fileApp)).toBe(false);
    expect(isAppUrl('https://evil.example', fileApp)).toBe(false);
  });
  it('stays on the dev server origin in development', () => {
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173/')).toBe(false);
  });
});

describe('IPC senders', () => {
  const app = { webContentsId: 7, appUrl: 'file:///app/index.html' };
  it('accepts the app window top frame', () => {
    expect(isTrustedSender({ id: 7 }, 'file:///app/index.html', app)).toBe(true);
  });
  it('drops other windows, other pages and missing windows', () => {
    expect(isTrustedSender({ id: 8 }, 'file:///app/index.html', app)).toBe(false);
    expect(isTrustedSender({ id: 7 }, 'https://evil.example/', app)).toBe(false);
    expect(isTrustedSender({ id: 7 }, undefined, app)).toBe(false);
    expect(isTrustedSender(null, 'file:///app/index.html', app)).toBe(false);
    expect(isTrustedSender({ id: 7 }, 'file:///app/index.html', null)).toBe(false);
  });
});

describe('window configuration', () => {
  const source = readFileSync(new URL('./window.ts', import.meta.url), 'utf8');
  it.each([
    'contextIsolation: true',
    'sandbox: true',
    'nodeIntegration: false',
    'webSecurity: true',
    'webviewTag: false',
  ])('sets %s', (flag) => {
    expect(source).toContain(flag);
  });
  it('denies new windows and guards navigation', () => {
    expect(source).toMatch(/setWindowOpenHandler\([\s\S]*action: 'deny'/);
    expect(source).toMatch(/will-navigate[\s\S]*preventDefault/);
  });
  it('has a strict content security policy', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(source).toContain('CONTENT_SECURITY_POLICY');
  });
});
