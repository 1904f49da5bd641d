// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { html, renderPage } from './html.ts';

describe('renderPage', () => {
  it('is an English page with an escaped title and no script', () => {
    const page = renderPage({ title: '<b>Hi</b>', main: html`<p>x</p>` });
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<title>&lt;b&gt;Hi&lt;/b&gt;</title>');
    expect(page).toContain('<main>\n<p>x</p>\n</main>');
    expect(page).not.toMatch(/<script/i);
  });

  it('escapes every value put into its markup, in content and in attributes, unless it is markup itself', () => {
    const value = `<script>"x" & 'y'</script>`;
    const page = renderPage({
      title: 't',
      main: html`<a href="${value}">${value}</a>${html`<b>${value}</b>`}`,
    });
    const escaped = '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;';
    expect(page).toContain(`<a href="${escaped}">${escaped}</a><b>${escaped}</b>`);
  });
});
