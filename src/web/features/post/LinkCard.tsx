import type { PreviewCard } from '#shared/mastodon-statuses.ts'

/** The preview of the first link in a post: picture, site, title and description. */
export function LinkCard({ card }: { card: PreviewCard }) {
  let host = card.provider_name
  try {
    host ||= new URL(card.url).hostname.replace(/^www\./, '')
  } catch {
    // A malformed URL shows no host.
  }
  return (
    <a
      className={card.image ? 'link-card' : 'link-card link-card-text'}
      href={card.url}
      target="_blank"
      rel="noopener noreferrer nofollow ugc"
    >
      {card.image && <img className="link-card-image" src={card.image} alt="" loading="lazy" />}
      <span className="link-card-text-wrap">
        {host && (
          <span className="link-card-host" dir="ltr">
            {host}
          </span>
        )}
        <span className="link-card-title" dir="auto">
          {card.title || card.url}
        </span>
        {card.description && (
          <span className="link-card-description" dir="auto">
            {card.description}
          </span>
        )}
      </span>
    </a>
  )
}
