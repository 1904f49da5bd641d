// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderPage } from './html.ts';

describe('escapeHtml', () => {
  it('escapes what could open a tag or leave an attribute', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe(
      '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;',
    );
  });
});

describe('renderPage', () => {
  it('is an English page with an escaped title and no script', () => {
    const html = renderPage({ title: '<b>Hi</b>', main: '<p>x</p>' });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>&lt;b&gt;Hi&lt;/b&gt;</title>');
    expect(html).not.toMatch(/<script/i);
  });
});
