/**
 * Stands in for MUI's `createThemeWithVars` (@mui/material/styles) in the production build; see
 * `muiThemesWithoutCssVariables` in vite.config.ts. MUI's `createTheme` calls it only for a theme with
 * `cssVariables: true`, which the console's theme (src/app/theme.ts) does not use; every MUI component still
 * imports it through MUI's default theme, 4 KB gzip of every first load.
 */
export default function createThemeWithVars(): never {
  throw new Error(
    'MUI CSS-variables themes (cssVariables: true, extendTheme) are left out of this build: remove ' +
      'muiThemesWithoutCssVariables() from vite.config.ts to use them.',
  );
}
