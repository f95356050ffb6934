// A post's text → safe HTML plus what it refers to. The rendering itself is domain/text's (the same
// as bios); this adds the database part: which mentioned usernames are accounts here.
import type { Db } from '../../db/connect.ts'
import { canonicalUsername } from '../accounts/username.ts'
import { extractHashtags, extractLocalMentions, renderPlainText, tokenizePlainText } from '../text/plain-text.ts'
import { findAccountIdsByUsernames } from './posts-store.ts'

export type RenderedText = { html: string; mentionIds: string[]; tags: string[]; urls: string[] }

export async function renderText(db: Db, publicUrl: string, text: string): Promise<RenderedText> {
  const host = new URL(publicUrl).host
  const names = extractLocalMentions(text, host)
  const found = await findAccountIdsByUsernames(db, names.map(canonicalUsername))
  const mentions = new Map<string, { username: string; url: string }>()
  const mentionIds: string[] = []
  for (const name of names) {
    const id = found.get(canonicalUsername(name))
    if (!id) continue
    mentions.set(name, { username: name, url: `${publicUrl}/@${name}` })
    if (!mentionIds.includes(id)) mentionIds.push(id)
  }
  const urls = tokenizePlainText(text).flatMap((t) => (t.kind === 'url' ? [t.href] : []))
  return {
    html: renderPlainText(text, { baseUrl: publicUrl, mentions }),
    mentionIds,
    tags: extractHashtags(text)
      .filter((t) => t.length <= 100)
      .slice(0, 30),
    urls,
  }
}
