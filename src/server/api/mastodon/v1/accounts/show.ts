// GET /api/v1/accounts/:id and GET /api/v1/accounts/lookup?acct=
import { Type } from 'typebox'
import { Account } from '#shared/mastodon-entities.ts'
import type { AppContext } from '../../../../context.ts'
import { findViewableAccount, findViewableAccountByAcct } from '../../../../domain/profiles/profile-access.ts'
import type { Api } from '../../../types.ts'
import { presentAccount } from '../../present/accounts.ts'
import { IdParams } from './account-lists.ts'

export function registerAccountShowRoutes(api: Api, ctx: AppContext): void {
  api.get(
    '/api/v1/accounts/lookup',
    {
      schema: {
        tags: ['mastodon'],
        summary: 'An account by its username (`name` or `name@this-host`)',
        querystring: Type.Object({ acct: Type.String({ maxLength: 300 }) }),
        response: { 200: Account },
      },
      config: { auth: 'optional', scopes: ['read:accounts'] },
    },
    async (req) => {
      const viewerId = req.viewer?.account.id ?? null
      return presentAccount(ctx, req.viewer, await findViewableAccountByAcct(ctx, viewerId, req.query.acct))
    },
  )

  api.get(
    '/api/v1/accounts/:id',
    {
      schema: { tags: ['mastodon'], summary: 'A profile', params: IdParams, response: { 200: Account } },
      config: { auth: 'optional', scopes: ['read:accounts'] },
    },
    async (req) => {
      const viewerId = req.viewer?.account.id ?? null
      return presentAccount(ctx, req.viewer, await findViewableAccount(ctx, viewerId, req.params.id))
    },
  )
}
