// About / Terms / Privacy: Markdown written by admins, rendered to safe HTML.
// NOTE: markdown-it with `html: false` escapes every raw tag, and its link validator refuses
// javascript:, vbscript:, file: and data: URLs (except images), so no script can get through.
import MarkdownIt from 'markdown-it'
import type { AppContext } from '../../context.ts'
import { AppError } from '../../errors.ts'
import { getSiteSettings } from '../site/site-settings.ts'

export const PAGE_SLUGS = ['about', 'terms', 'privacy'] as const
export type PageSlug = (typeof PAGE_SLUGS)[number]
export const PAGE_MAX_LENGTH = 100_000

const md = new MarkdownIt({ html: false, linkify: true, typographer: false })
const renderLink =
  md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts))
md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
  tokens[idx]!.attrSet('rel', 'nofollow noopener noreferrer')
  return renderLink(tokens, idx, opts, env, self)
}

export function renderMarkdown(source: string): string {
  return md.render(source)
}

export type Page = { slug: PageSlug; markdown: string; html: string; updated_at: string | null }

export async function getPage(ctx: AppContext, slug: string): Promise<Page> {
  if (!(PAGE_SLUGS as readonly string[]).includes(slug)) throw new AppError('not_found', 'Page not found')
  const settings = await getSiteSettings(ctx)
  const markdown = settings[`page_${slug as PageSlug}`]
  return { slug: slug as PageSlug, markdown, html: renderMarkdown(markdown), updated_at: null }
}
