import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CARD_LIMITS, cleanText, decodeHtml, extractPageMetadata } from './page-metadata.ts'

describe('extractPageMetadata', () => {
  it('prefers OpenGraph, then Twitter, then <title> and the description meta; resolves the image', () => {
    const html = `<!doctype html><html><head>
      <title>Plain &amp; simple</title>
      <meta name="description" content="Meta description">
      <meta name="twitter:title" content="Twitter title">
      <meta property="og:description" content="  OG   description &lt;b&gt;  ">
      <meta property="og:site_name" content="The Paper">
      <meta property="og:image" content="/img/cover.jpg?w=1">
      <script>var x = "<meta property='og:title' content='from a script'>"</script>
    </head><body><h1>Body</h1></body></html>`
    assert.deepEqual(extractPageMetadata(html, 'https://news.example.com/a/b'), {
      title: 'Twitter title',
      description: 'OG description <b>',
      siteName: 'The Paper',
      imageUrl: 'https://news.example.com/img/cover.jpg?w=1',
    })
    const bare = extractPageMetadata('<title>\n  Only a title\n</title><title>second</title>', 'http://x.example/')
    assert.deepEqual(bare, { title: 'Only a title', description: '', siteName: '', imageUrl: null })
  })

  it('drops images that are not http(s)', () => {
    for (const src of ['javascript:alert(1)', 'data:image/png;base64,AAAA', 'file:///etc/passwd']) {
      const html = `<meta property="og:title" content="t"><meta property="og:image" content="${src}">`
      assert.equal(extractPageMetadata(html, 'https://x.example/').imageUrl, null, src)
    }
  })

  it('strips control and bidi characters, collapses space and caps the length', () => {
    assert.equal(cleanText('a\u0000b\u202Ec\u0007\n\n d\u200Be', 100), 'a b c d\u200Be')
    assert.equal(cleanText('👨\u200D👩\u200D👧 family', 100), '👨\u200D👩\u200D👧 family')
    const long = extractPageMetadata(`<title>${'é'.repeat(500)}</title>`, 'https://x.example/').title
    assert.equal([...long].length, CARD_LIMITS.title)
    assert.ok(long.endsWith('…'))
  })
})

describe('decodeHtml', () => {
  it('uses the header charset, else <meta charset>, else UTF-8', () => {
    const latin1 = Buffer.from('<meta charset="iso-8859-1"><title>Caf\xe9</title>', 'latin1')
    assert.match(decodeHtml(latin1, null), /Café/)
    assert.match(decodeHtml(Buffer.from('<title>Café</title>'), 'utf-8'), /Café/)
    assert.match(decodeHtml(Buffer.from('<title>Café</title>'), 'no-such-charset'), /Café/)
  })
})
