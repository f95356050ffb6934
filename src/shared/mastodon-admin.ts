// Mastodon's admin and moderation entities (https://docs.joinmastodon.org/entities/Admin_Account/,
// Admin_Report, Report, Admin_EmailDomainBlock, Admin_IpBlock, Admin_DomainBlock, Admin_Measure,
// Filter), as TypeBox schemas. The web client imports the types only.
import { Type } from 'typebox'
import { Account, Nullable, Role, Rule } from './mastodon-entities.ts'
import { Status } from './mastodon-statuses.ts'

export const AdminIp = Type.Object({ ip: Type.String(), used_at: Type.String() })

export const AdminAccount = Type.Object({
  id: Type.String(),
  username: Type.String(),
  domain: Nullable(Type.String()),
  created_at: Type.String(),
  email: Type.String(),
  ip: Nullable(Type.String()),
  ips: Type.Array(AdminIp),
  locale: Type.String(),
  invite_request: Nullable(Type.String()),
  role: Role,
  confirmed: Type.Boolean(),
  approved: Type.Boolean(),
  disabled: Type.Boolean(),
  silenced: Type.Boolean(),
  suspended: Type.Boolean(),
  sensitized: Type.Boolean(),
  account: Account,
  created_by_application_id: Nullable(Type.String()),
  invited_by_account_id: Nullable(Type.String()),
  // Kith
  limited: Type.Boolean(),
  suspended_until: Nullable(Type.String()),
  custom_role_id: Nullable(Type.String()),
})
export type AdminAccount = Type.Static<typeof AdminAccount>

export const Report = Type.Object({
  id: Type.String(),
  action_taken: Type.Boolean(),
  action_taken_at: Nullable(Type.String()),
  category: Type.String(),
  comment: Type.String(),
  forwarded: Type.Boolean(),
  created_at: Type.String(),
  status_ids: Nullable(Type.Array(Type.String())),
  rule_ids: Nullable(Type.Array(Type.String())),
  target_account: Account,
})
export type Report = Type.Static<typeof Report>

export const AdminReport = Type.Object({
  id: Type.String(),
  action_taken: Type.Boolean(),
  action_taken_at: Nullable(Type.String()),
  category: Type.String(),
  comment: Type.String(),
  forwarded: Type.Boolean(),
  created_at: Type.String(),
  updated_at: Type.String(),
  account: Nullable(AdminAccount),
  target_account: Nullable(AdminAccount),
  assigned_account: Nullable(AdminAccount),
  action_taken_by_account: Nullable(AdminAccount),
  statuses: Type.Array(Status),
  rules: Type.Array(Rule),
  // Kith
  kith_category: Type.String(),
  target_type: Type.String(),
  target_id: Type.String(),
  resolution: Nullable(Type.String()),
})
export type AdminReport = Type.Static<typeof AdminReport>

export const EmailDomainBlock = Type.Object({
  id: Type.String(),
  domain: Type.String(),
  created_at: Type.String(),
  history: Type.Array(Type.Object({ day: Type.String(), accounts: Type.String(), uses: Type.String() })),
})

export const IpBlock = Type.Object({
  id: Type.String(),
  ip: Type.String(),
  severity: Type.String(),
  comment: Type.String(),
  created_at: Type.String(),
  expires_at: Nullable(Type.String()),
})

export const DomainBlock = Type.Object({
  id: Type.String(),
  domain: Type.String(),
  created_at: Type.String(),
  severity: Type.String(),
  reject_media: Type.Boolean(),
  reject_reports: Type.Boolean(),
  private_comment: Nullable(Type.String()),
  public_comment: Nullable(Type.String()),
  obfuscate: Type.Boolean(),
})

export const Measure = Type.Object({
  key: Type.String(),
  unit: Nullable(Type.String()),
  total: Type.String(),
  previous_total: Type.String(),
  data: Type.Array(Type.Object({ date: Type.String(), value: Type.String() })),
})

export const FilterKeyword = Type.Object({ id: Type.String(), keyword: Type.String(), whole_word: Type.Boolean() })
export const FilterStatus = Type.Object({ id: Type.String(), status_id: Type.String() })
export const Filter = Type.Object({
  id: Type.String(),
  title: Type.String(),
  context: Type.Array(Type.String()),
  expires_at: Nullable(Type.String()),
  filter_action: Type.String(),
  keywords: Type.Array(FilterKeyword),
  statuses: Type.Array(FilterStatus),
})
export type Filter = Type.Static<typeof Filter>
