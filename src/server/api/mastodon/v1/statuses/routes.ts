// Every /api/v1/statuses… route module (and the timelines that list statuses).
import type { AppContext } from '../../../../context.ts'
import type { Api } from '../../../types.ts'
import { registerAccountStatusesRoutes } from '../accounts/statuses.ts'
import { registerTimelineRoutes } from '../timelines/timelines.ts'
import { registerStatusCreateRoutes } from './create.ts'
import { registerStatusShowRoutes } from './show.ts'

export function registerStatusesArea(api: Api, ctx: AppContext): void {
  registerStatusCreateRoutes(api, ctx)
  registerStatusShowRoutes(api, ctx)
  registerTimelineRoutes(api, ctx)
  registerAccountStatusesRoutes(api, ctx)
}
