/** The app's Mantine theme: one look for every screen, compact enough for 1366×768. */
import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { size: 'sm' } },
  },
});
