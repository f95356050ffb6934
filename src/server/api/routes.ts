// Every route module, listed explicitly. The folder of a module is its URL.
import type { AppContext } from '../context.ts'
import { registerSiteRoutes } from './kith/v1/site.ts'
import type { Api } from './types.ts'

export async function registerRoutes(api: Api, ctx: AppContext): Promise<void> {
  registerSiteRoutes(api, ctx)
}
