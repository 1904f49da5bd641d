/**
 * The few server-rendered pages of sign-in (the embedded provider's sign-in form, "no access", "sign-in is
 * unavailable"): one layout, one stylesheet, every interpolated value escaped by hono/html. No script at all, inline or not: the
 * console's CSP is `script-src 'self'`, and these pages need none.
 */
import { createHash } from 'node:crypto';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** Markup built with `html` (hono/html): every interpolated value is escaped unless it is itself markup. */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;
export { html, raw };

const PAGE_STYLE = [
  ':root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f4f5f7}',
  'body{margin:0;padding:48px 16px}',
  'main{max-width:26rem;margin:0 auto;background:#fff;border-radius:8px;padding:32px;box-shadow:0 1px 3px rgba(0,0,0,.15)}',
  'h1{font-size:1.5rem;margin:0 0 24px}',
  'p{line-height:1.5}',
  '.field{margin-bottom:20px}',
  'label{display:block;font-weight:600;margin-bottom:6px}',
  'input{box-sizing:border-box;width:100%;font:inherit;padding:10px 12px;border:2px solid #5f6b7a;border-radius:4px}',
  'input[aria-invalid=true]{border-color:#b42318}',
  'button,.button{display:inline-block;font:inherit;font-weight:600;padding:10px 20px;border:0;border-radius:4px;background:#1a56db;color:#fff;cursor:pointer;text-decoration:none}',
  'button.secondary{background:#e4e7ec;color:#1b1f24}',
  ':focus-visible{outline:3px solid #f5a623;outline-offset:2px}',
  'a{color:#1a56db}',
  '.error-summary{border:3px solid #b42318;border-radius:4px;padding:12px 16px;margin-bottom:24px}',
  '.error-summary h2{font-size:1.1rem;margin:0 0 8px}',
  '.error-summary ul{margin:0;padding-left:20px}',
  '.error-summary a{color:#b42318;font-weight:600}',
  '.error-message{color:#b42318;font-weight:600;margin:0 0 6px}',
  '.hint{color:#4a5563;font-size:.9rem;margin-top:24px}',
  '.actions{display:flex;gap:12px;flex-wrap:wrap}',
  '.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
].join('');

/** For a CSP that allows exactly this stylesheet: `style-src 'sha256-...'`. */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

/**
 * A whole page. `title` is text; `main` is markup the caller built with `html`, which escapes what it interpolates.
 */
export function renderPage({ title, main }: { title: string; main: Markup }): string {
  return String(html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" type="image/svg+xml" href="/favicon.svg">
<title>${title}</title>
<style>${raw(PAGE_STYLE)}</style>
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`);
}
