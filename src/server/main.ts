// config → createContext → buildApp → listen; graceful shutdown on SIGINT/SIGTERM.
import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { createContext } from './context.ts'
import { scheduleMediaCleanup } from './domain/media/clean-up-media.ts'
import { getSiteSettings, isSetupRequired } from './domain/site/site-settings.ts'

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`)
      process.exit(2)
    }
    throw err
  }
  const ctx = await createContext(config)
  const app = await buildApp(ctx)
  ctx.jobs.start()
  const stopMediaCleanup = scheduleMediaCleanup(ctx)
  await app.listen({ port: config.port, host: config.host })
  const settings = await getSiteSettings(ctx)
  ctx.log.info(
    { database: config.database.kind, dataDir: config.dataDir },
    isSetupRequired(settings)
      ? `Kith is running. Open ${config.publicUrl} to set up your site.`
      : `Kith "${settings.name}" is running at ${config.publicUrl}`,
  )

  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    ctx.log.info({ signal }, 'shutting down')
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    stopMediaCleanup()
    await app.close() // stops accepting, waits for in-flight requests
    await ctx.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void shutdown('SIGINT'))
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

await main()
