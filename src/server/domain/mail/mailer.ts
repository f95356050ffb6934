// Mail goes out through SMTP_URL when set. Without it, each message is written to
// DATA_DIR/outbox/ (an .eml file plus a .json twin) and logged, so a local owner can still
// confirm accounts by opening the link.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import { newId } from '#shared/id.ts'
import type { AppContext } from '../../context.ts'
import { getSiteSettings } from '../site/site-settings.ts'

export type MailMessage = { to: string; subject: string; text: string; html?: string }

/** Queues a message; it is sent by a background job, never on the request path. */
export async function sendMail(ctx: AppContext, message: MailMessage): Promise<void> {
  await ctx.jobs.enqueue('sendEmail', message)
}

let smtp: Transporter | null = null

export async function deliverMail(ctx: AppContext, input: MailMessage): Promise<void> {
  // The admin's email settings (sender name, reply-to, footer) apply to every message as it leaves.
  const settings = await getSiteSettings(ctx)
  const from = settings.email_from_name
    ? { name: settings.email_from_name, address: ctx.config.mailFrom.match(/<([^>]+)>/)?.[1] ?? ctx.config.mailFrom }
    : ctx.config.mailFrom
  const message = {
    ...input,
    text: settings.email_footer ? `${input.text}\n\n-- \n${settings.email_footer}` : input.text,
    ...(settings.email_reply_to ? { replyTo: settings.email_reply_to } : {}),
  }
  if (ctx.config.smtpUrl) {
    smtp ??= nodemailer.createTransport(ctx.config.smtpUrl)
    await smtp.sendMail({ from, ...message })
    ctx.log.info({ to: message.to, subject: message.subject }, 'mail sent')
    return
  }
  const outbox = path.join(ctx.config.dataDir, 'outbox')
  await mkdir(outbox, { recursive: true })
  const built = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail({ from, ...message })
  const base = path.join(outbox, `${ctx.clock.now().toISOString().replace(/[:.]/g, '-')}-${newId()}`)
  await writeFile(`${base}.eml`, built.message as Buffer)
  await writeFile(`${base}.json`, JSON.stringify({ from, ...message }, null, 2))
  ctx.log.info({ to: message.to, subject: message.subject, file: `${base}.eml` }, 'mail written to outbox')
}
