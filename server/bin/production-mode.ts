/**
 * Imported first by main.ts: the server renders pages with React's and emotion's production builds, as the
 * browser's bundle is built, so the markup (class names included) is what the bundle hydrates. Those libraries
 * pick their build when first loaded, so this runs before anything imports them.
 */
process.env.NODE_ENV = 'production';
