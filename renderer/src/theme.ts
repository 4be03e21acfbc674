/** The app's Mantine theme: one look for every screen, compact enough for 1366×768. */
import { Button, createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  focusRing: 'auto',
  components: {
    Button: Button.extend({
      defaultProps: { size: 'sm' },
      // Mantine's dark disabled button is dark-6 on dark-6/dark-7 cards: a button that waits for input (e.g.
      // "Save and test" before a token is typed) all but vanished. Lighter fill and text in dark mode keep it
      // visible yet plainly greyed; light mode keeps Mantine's colours. light-dark() follows Mantine's
      // color-scheme (set on <html>).
      styles: {
        root: {
          '--mantine-color-disabled': 'light-dark(var(--mantine-color-gray-2), var(--mantine-color-dark-4))',
          '--mantine-color-disabled-color': 'light-dark(var(--mantine-color-gray-5), var(--mantine-color-dark-2))',
        },
      },
    }),
  },
});
