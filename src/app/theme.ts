import { createTheme } from '@mui/material/styles';

/**
 * The console's look: a quiet, dense admin UI. Colours are chosen so that white text on every filled chip and
 * button meets WCAG AA (MUI's default `info` and `warning` do not), which the axe browser tests hold us to.
 * System fonts only: the CSP allows no external font hosts, and a console should not wait for a web font.
 */
export const theme = createTheme({
  palette: {
    mode: 'light',
    primary: { main: '#2f4bb5' },
    secondary: { main: '#5b4b8a' },
    info: { main: '#0b63a6' },
    success: { main: '#2e7d32' },
    warning: { main: '#a84b06' },
    error: { main: '#c62828' },
    background: { default: '#f5f6f8', paper: '#ffffff' },
  },
  shape: { borderRadius: 8 },
  typography: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
    h1: { fontSize: '1.75rem', fontWeight: 600, lineHeight: 1.25 },
    h2: { fontSize: '1.25rem', fontWeight: 600, lineHeight: 1.3 },
    h3: { fontSize: '1.05rem', fontWeight: 600, lineHeight: 1.35 },
    button: { textTransform: 'none', fontWeight: 600 },
  },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiAppBar: { defaultProps: { elevation: 0 } },
    MuiTab: { styleOverrides: { root: { textTransform: 'none', fontWeight: 600, minHeight: 48 } } },
    MuiTableCell: { styleOverrides: { head: { fontWeight: 600 } } },
    MuiLink: { defaultProps: { underline: 'hover' } },
  },
});
