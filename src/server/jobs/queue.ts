// The jobs port. Payload types live in one map so `enqueue('sendEmail', …)` is type-checked.
import type { LinkPreviewJob } from '../domain/link-previews/fetch-link-preview.ts'
import type { MailMessage } from '../domain/mail/mailer.ts'
import type { NotifyEvent } from '../domain/notifications/create-notifications.ts'

export type JobPayloads = {
  sendEmail: MailMessage
  createNotifications: NotifyEvent
  endPoll: { pollId: string }
  sendNotificationDigest: { accountId: string }
  liftSuspension: { accountId: string; until: string }
  fetchLinkPreview: LinkPreviewJob
  cleanUpMedia: Record<string, never>
}
export type JobName = keyof JobPayloads

export type JobQueue = {
  /** Durable once this resolves: the job survives a crash and runs (again) after restart. */
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: { delayMs?: number }): Promise<void>
  /** Begin working in the background. */
  start(): void
  /** Stop taking jobs and wait for the running ones. */
  stop(): Promise<void>
  /** Run every due job now, until none is left (tests call this; they never sleep). */
  drain(): Promise<void>
}
