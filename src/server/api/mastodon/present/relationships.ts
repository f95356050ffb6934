// Relationship entities (https://docs.joinmastodon.org/entities/Relationship/) with Kith's friendship flags.
import type { Relationship } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../context.ts'
import type { Viewer } from '../../../domain/auth/viewer.ts'
import { findRelationships } from '../../../domain/graph/relationships.ts'

export async function presentRelationships(
  ctx: AppContext,
  viewer: Viewer,
  ids: readonly string[],
): Promise<Relationship[]> {
  const found = await findRelationships(ctx, viewer.account.id, ids)
  // Kith has no domain blocks, endorsements, private notes or language filters yet.
  return found.map((r) => ({ ...r, languages: null, domain_blocking: false, endorsed: false, note: '' }))
}

export async function presentRelationship(ctx: AppContext, viewer: Viewer, id: string): Promise<Relationship> {
  const [relationship] = await presentRelationships(ctx, viewer, [id])
  return relationship!
}
