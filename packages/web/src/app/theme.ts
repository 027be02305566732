import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Mantine theme: a blue whose shades all reach WCAG 2.2 AA contrast (4.5:1)
 * on white for text and filled buttons; system fonts (nothing to download on
 * a slow phone connection).
 */
export const theme = createTheme({
  primaryColor: 'nrm',
  primaryShade: 7,
  colors: {
    nrm: ['#e7f0f8', '#cddff0', '#9bbfe1', '#659dd2', '#3d81c5', '#2570bc', '#1c63a8', '#1c4e80', '#14406b', '#0a3156'],
  },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  // A link is told from the text around it by more than colour (WCAG 1.4.1; axe link-in-text-block).
  components: {
    Anchor: { defaultProps: { underline: 'always' } },
    // A loader is a span: its aria-label ("Loading") is allowed only with a role (axe aria-prohibited-attr, serious).
    Loader: { defaultProps: { role: 'status' } },
  },
});

/**
 * Mantine's "dimmed" grey (descriptions, hints) is #868e96: 3.3:1 on white,
 * below WCAG 2.2 AA's 4.5:1 for text (axe color-contrast). Gray 7 is 7:1.
 * Its error red (a field's error message) is red 6, #fa5252: 3.3:1; red 9 is 5.9:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
