import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extractHashtags, extractLocalMentions, renderPlainText } from './plain-text.ts'

const baseUrl = 'https://kith.test'
const mentions = new Map([
  ['alice', { username: 'alice', url: 'https://kith.test/@alice' }],
  ['jo.ann', { username: 'jo.ann', url: 'https://kith.test/@jo.ann' }],
])

describe('renderPlainText', () => {
  it('escapes everything that is not a link', () => {
    const html = renderPlainText('<script>alert("x")</script> & \'q\'', { baseUrl })
    assert.equal(html, '<p>&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;q&#39;</p>')
  })

  it('makes paragraphs on blank lines and <br /> on single newlines', () => {
    assert.equal(renderPlainText('one\ntwo\r\n\r\nthree', { baseUrl }), '<p>one<br />two</p><p>three</p>')
    assert.equal(renderPlainText('one\n\ntwo', { baseUrl, inline: true }), 'one two')
    assert.equal(renderPlainText('   ', { baseUrl }), '')
  })

  it('links http(s) URLs only, with the href escaped', () => {
    const html = renderPlainText('see https://example.com/a?b=1&c="x" and javascript:alert(1) ftp://x.org', {
      baseUrl,
    })
    assert.match(html, /<a href="https:\/\/example\.com\/a\?b=1&#38;c=&#34;x" target="_blank" rel="nofollow noopener"/)
    assert.doesNotMatch(html, /href="javascript/)
    assert.doesNotMatch(html, /href="ftp/)
    const long = renderPlainText('https://example.com/a/very/long/path/that/goes/on/and/on', { baseUrl })
    assert.match(long, /<span class="ellipsis">example\.com\/a\/very\/long\/path\/t<\/span>/)
  })

  it('links mentions of local accounts (dotted names, @name@host) and leaves others as text', () => {
    const html = renderPlainText('hi @Alice, @jo.ann. @bob and @alice@kith.test but not @alice@other.example', {
      baseUrl,
      mentions,
    })
    assert.equal(
      (html.match(/class="u-url mention">@<span>alice<\/span>/g) ?? []).length,
      2,
      'bare and @host forms both link',
    )
    assert.match(html, /href="https:\/\/kith\.test\/@jo\.ann"/)
    assert.match(html, / @bob and /)
    assert.match(html, /not @alice@other\.example/)
  })

  it('links hashtags to the tag page', () => {
    const html = renderPlainText('#Gardening! #123', { baseUrl })
    assert.equal(
      html,
      '<p><a href="https://kith.test/tags/Gardening" class="mention hashtag" rel="tag">#<span>Gardening</span></a>! #123</p>',
    )
  })
})

describe('extractLocalMentions and extractHashtags', () => {
  it('finds each local name and tag once', () => {
    assert.deepEqual(extractLocalMentions('@Bob @bob @c@kith.test @d@else.org x@y.org', 'kith.test'), ['bob', 'c'])
    assert.deepEqual(extractHashtags('#Cats and #cats and #Dogs'), ['Cats', 'Dogs'])
  })
})
