// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';

const FEATURES = ['auth', 'events', 'invites', 'send-history', 'sessions', 'travelers'];

// The import boundaries the README describes. One `no-restricted-imports` entry per kind of file, because ESLint
// keeps only the last matching config's options for a rule: each entry lists every boundary that applies there.
const featurePaths = (feature) => [
  `**/features/${feature}`,
  `**/features/${feature}/**`,
  `@/features/${feature}/**`,
];
// A relative path that climbs out of one feature and into another (`../../events/api/x` from src/features/invites).
const climbingInto = (feature) => `^(\\.\\./)+(features/)?${feature}(/|$)`;
const SERVER_PACKAGES = [
  'better-sqlite3',
  'pg',
  'kysely',
  'hono',
  '@hono/*',
  'openid-client',
  'oidc-provider',
];
const NODE_BUILTINS = [
  'node:*',
  'fs',
  'path',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'os',
  'zlib',
];
const NO_SERVER = {
  group: [
    '**/server/**',
    '**/server',
    '**/sandbox/**',
    '**/sandbox',
    ...SERVER_PACKAGES,
    ...SERVER_PACKAGES.map((name) => `${name}/**`),
    ...NODE_BUILTINS,
    ...NODE_BUILTINS.map((name) => `${name}/**`),
  ],
  message: 'The browser bundle never imports server code (or Node modules).',
};
const NO_FEATURE_INTERNALS = {
  group: ['@/features/*/**', '**/features/*/**'],
  message: 'src/app takes a feature through its public index.ts (`@/features/<name>`), not its files.',
};
const NO_APP = { group: ['**/app/**', '@/app/**'], message: 'Only src/app composes; nothing imports it.' };
const NO_FEATURES = {
  group: FEATURES.flatMap(featurePaths),
  message: 'Shared code (src/components, src/lib) never imports a feature; pass what it needs as props.',
};
const FEATURES_APART = 'Features do not import each other; compose them in src/app.';
const otherFeatures = (feature) => FEATURES.filter((f) => f !== feature);
/** Two patterns: by alias or full path, and by a relative path that climbs into the other feature. */
const noOtherFeatures = (feature) => [
  { group: otherFeatures(feature).flatMap(featurePaths), message: FEATURES_APART },
  { regex: otherFeatures(feature).map(climbingInto).join('|'), message: FEATURES_APART },
];
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.flatConfigs.recommended,
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  { files: ['src/app/**/*.{ts,tsx}', 'src/*.{ts,tsx}'], rules: restrict(NO_SERVER, NO_FEATURE_INTERNALS) },
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}', 'src/types/**/*.{ts,tsx}'],
    rules: restrict(NO_SERVER, NO_APP, NO_FEATURES),
  },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: restrict(NO_SERVER, NO_APP, ...noOtherFeatures(feature)),
  })),
  // Tests may use Node (files, timers, MSW's Node server); the boundaries between features still hold. The shared
  // test helpers render the whole app for the route tests, so they may import src/app but no feature.
  { files: ['src/**/*.test.{ts,tsx}'], rules: restrict(NO_APP, NO_FEATURES) },
  { files: ['src/testing/**'], rules: restrict(NO_FEATURES) },
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.test.{ts,tsx}`, `src/features/${feature}/testing/**`],
    rules: restrict(NO_APP, ...noOtherFeatures(feature)),
  })),
  // The app's tests (and their helpers) may reach into a feature for its fakes and its internals.
  {
    files: ['src/app/**/*.test.{ts,tsx}', 'src/app/**/testing/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // Component tests render with only the CSS that decides visibility (src/testing/test-style-cache.ts).
  {
    files: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='toHaveStyle']",
          message:
            'Component tests keep only display, visibility, pointer-events, opacity and content; check other styles in a browser test.',
        },
      ],
    },
  },
);
