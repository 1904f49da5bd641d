/**
 * MUI's styles (emotion) under the page's CSP: every `<style>` the server sends or the browser adds carries the
 * request's nonce, so the policy needs no `'unsafe-inline'` for style elements.
 */
import createCache, { type EmotionCache } from '@emotion/cache';

const KEY = 'css';

export function createStyleCache(nonce: string | undefined): EmotionCache {
  return createCache({ key: KEY, nonce });
}

/** For the server: records the styles a render inserts instead of writing them into the markup. */
export function createServerStyleCache(nonce: string): EmotionCache {
  const cache = createStyleCache(nonce);
  cache.compat = true;
  return cache;
}

/**
 * One `<style>` with every rule the render used, tagged as emotion tags its own: the browser's cache adopts it
 * on start and inserts none of those rules twice.
 */
export function styleTagOf(cache: EmotionCache, nonce: string): string {
  const ids: string[] = [];
  let css = '';
  for (const [id, rule] of Object.entries(cache.inserted)) {
    if (typeof rule !== 'string') continue;
    ids.push(id);
    css += rule;
  }
  return `<style data-emotion="${KEY} ${ids.join(' ')}" nonce="${nonce}">${css.replace(/<\//g, '<\\/')}</style>`;
}

/** The nonce the server gave this page (its meta tag), for the styles the browser adds. */
export function pageNonce(doc: Document): string | undefined {
  return doc.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
}
