/**
 * The app's theme for component tests, with every transition and ripple cut to nothing: jsdom has no animation to
 * watch, and a dialog that fades for 225 ms makes every test that opens one wait for it. What is shown, labelled
 * and focused is the app's own; the browser tests keep the real transitions.
 */
import { createTheme } from '@mui/material/styles';
import { theme } from '@/app/theme';

const NO_TIME = {
  shortest: 0,
  shorter: 0,
  short: 0,
  standard: 0,
  complex: 0,
  enteringScreen: 0,
  leavingScreen: 0,
};

export const testTheme = createTheme(theme, {
  transitions: { create: () => 'none', duration: NO_TIME },
  components: { MuiButtonBase: { defaultProps: { disableRipple: true } } },
});
