import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildTestApp } from '../../../../test/helpers.ts'
import { renderText } from './render-text.ts'

describe('renderText', () => {
  it('escapes markup, links URLs, resolves local mentions and collects hashtags', async (t) => {
    const { ctx, given } = await buildTestApp(t)
    const ana = await given.account('ana')
    const out = await renderText(
      ctx.db,
      'http://kith.test',
      'Hi @ana and @ghost! <script>alert(1)</script>\nSee https://example.com/a?b=1&c=2 #Garden #garden\n\njavascript:alert(1) "quoted"',
    )
    assert.deepEqual(out.mentionIds, [ana.account.id])
    assert.deepEqual(out.tags, ['Garden'])
    assert.deepEqual(out.urls, ['https://example.com/a?b=1&c=2'])
    assert.ok(!out.html.includes('<script>'))
    assert.match(out.html, /&#60;script&#62;/)
    assert.match(out.html, /<a href="http:\/\/kith.test\/@ana" class="u-url mention">@<span>ana<\/span><\/a>/)
    assert.match(out.html, /@ghost!/)
    assert.match(out.html, /<br \/>See <a href="https:\/\/example.com\/a\?b=1&#38;c=2"/)
    assert.match(out.html, /<\/p><p>javascript:alert\(1\) &#34;quoted&#34;<\/p>$/)
  })
})
