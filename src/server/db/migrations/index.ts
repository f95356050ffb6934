import type { Migration } from 'kysely/migration'
import * as foundation from './2026-11-29T1600-foundation.ts'
import * as socialGraph from './2026-11-29T1700-social-graph.ts'
import * as posts from './2026-11-29T1800-posts.ts'
import * as postEditPolls from './2026-11-30T0900-post-edit-polls.ts'
import * as moderation from './2026-11-30T1200-moderation.ts'
import * as notifications from './2026-11-30T1500-notifications.ts'
import * as postVersion from './2026-11-30T2000-post-version.ts'
import * as reactionCounts from './2026-11-30T2100-reaction-counts.ts'
import * as followerFanoutIndex from './2026-11-30T2200-follower-fanout-index.ts'

// Explicit and ordered: a new migration is a new file plus one line here.
export const migrations: Record<string, Migration> = {
  '2026-11-29T1600-foundation': foundation,
  '2026-11-29T1700-social-graph': socialGraph,
  '2026-11-29T1800-posts': posts,
  '2026-11-30T0900-post-edit-polls': postEditPolls,
  '2026-11-30T1200-moderation': moderation,
  '2026-11-30T1500-notifications': notifications,
  '2026-11-30T2000-post-version': postVersion,
  '2026-11-30T2100-reaction-counts': reactionCounts,
  '2026-11-30T2200-follower-fanout-index': followerFanoutIndex,
}
