// Query parameters shared by the notification routes (v1 and v2) and how they read.
import { Type } from 'typebox'
import type { ListQuery } from '../../../../domain/notifications/list-notifications.ts'

const Types = Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30 }))
const Flag = Type.Optional(Type.Union([Type.Boolean(), Type.String({ maxLength: 5 })]))
export const on = (v: unknown) => v === true || v === 'true' || v === '1'

export const TypeFilterQuery = {
  types: Types,
  exclude_types: Types,
  account_id: Type.Optional(Type.String({ maxLength: 30 })),
  /** Kith's flag (the web client): every kind, under Kith's own type names. */
  kith: Flag,
}
export const GroupedQuery = {
  grouped_types: Types,
  expand_accounts: Type.Optional(Type.String({ maxLength: 20 })),
  include_filtered: Flag,
}
export const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,20}$' }) })
export const GroupKeyParams = Type.Object({ group_key: Type.String({ minLength: 1, maxLength: 200 }) })

export function readTypeQuery(q: {
  types?: string[]
  exclude_types?: string[]
  account_id?: string
  kith?: boolean | string
  grouped_types?: string[]
}): ListQuery {
  return {
    types: q.types,
    excludeTypes: q.exclude_types,
    accountId: q.account_id ?? null,
    kith: on(q.kith),
    groupedTypes: q.grouped_types,
  }
}
