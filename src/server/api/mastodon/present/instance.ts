// The instance, as Mastodon's v2 and v1 entities and its rules.
import type { Instance, Rule, V1Instance } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../context.ts'
import type { RuleRow } from '../../../db/schema.ts'
import {
  ACCOUNT_LIMITS,
  type InstanceInfo,
  MEDIA_LIMITS,
  POLL_LIMITS,
  STATUS_LIMITS,
  VERSION_STRING,
} from '../../../domain/instance/instance.ts'
import { presentAccount } from './accounts.ts'

export function presentRules(rows: readonly RuleRow[]): Rule[] {
  return rows.map((r) => ({ id: r.id, text: r.text, hint: r.hint }))
}

function registrations(info: InstanceInfo) {
  // Invite-only is Mastodon's "registrations closed, invites enabled".
  const enabled = info.registrationMode === 'open' || info.registrationMode === 'approval'
  return {
    enabled,
    approval_required: info.registrationMode === 'approval',
    invites: info.registrationMode === 'invite',
    message:
      info.registrationMode === 'invite'
        ? '<p>Joining is by invitation only.</p>'
        : enabled
          ? null
          : '<p>This site is not taking new members.</p>',
  }
}

export async function presentInstance(ctx: AppContext, info: InstanceInfo): Promise<Instance> {
  const reg = registrations(info)
  return {
    domain: info.domain,
    title: info.title,
    version: VERSION_STRING,
    source_url: info.sourceUrl,
    description: info.description,
    usage: { users: { active_month: info.activeMonth } },
    thumbnail: { url: info.thumbnailUrl },
    icon: [],
    languages: info.languages,
    configuration: {
      urls: { streaming: info.streamingUrl },
      accounts: { ...ACCOUNT_LIMITS },
      statuses: { max_characters: info.maxCharacters, ...STATUS_LIMITS },
      media_attachments: { ...MEDIA_LIMITS },
      polls: { ...POLL_LIMITS },
      translation: { enabled: false },
    },
    registrations: {
      enabled: reg.enabled,
      approval_required: reg.approval_required,
      reason_required: reg.approval_required,
      message: reg.message,
      url: null,
    },
    api_versions: { mastodon: 2 },
    contact: {
      email: info.contactEmail,
      account: info.owner ? await presentAccount(ctx, null, info.owner) : null,
    },
    rules: presentRules(info.rules),
  }
}

export async function presentV1Instance(ctx: AppContext, info: InstanceInfo): Promise<V1Instance> {
  const reg = registrations(info)
  return {
    uri: info.domain,
    title: info.title,
    short_description: info.description,
    description: info.description,
    email: info.contactEmail,
    version: VERSION_STRING,
    urls: { streaming_api: info.streamingUrl },
    // TODO(posts issue): the status count.
    stats: { user_count: info.userCount, status_count: 0, domain_count: 0 },
    thumbnail: info.thumbnailUrl,
    languages: info.languages,
    registrations: reg.enabled,
    approval_required: reg.approval_required,
    invites_enabled: reg.invites,
    configuration: {
      accounts: { max_featured_tags: ACCOUNT_LIMITS.max_featured_tags },
      statuses: { max_characters: info.maxCharacters, ...STATUS_LIMITS },
      media_attachments: { ...MEDIA_LIMITS },
      polls: { ...POLL_LIMITS },
    },
    contact_account: info.owner ? await presentAccount(ctx, null, info.owner) : null,
    rules: presentRules(info.rules),
  }
}
