/** Renderer entry: Mantine (theme follows the OS light/dark setting), i18n, and the wizard shell. */
import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import './app.css';
import './inputRings.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import './i18n';
import { theme } from './theme';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto">
      <App />
    </MantineProvider>
  </StrictMode>,
);
