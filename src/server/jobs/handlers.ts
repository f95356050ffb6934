// Maps each job name to the domain function that does it. Handlers are idempotent.
import type { AppContext } from '../context.ts'
import { fetchLinkPreview } from '../domain/link-previews/fetch-link-preview.ts'
import { deliverMail } from '../domain/mail/mailer.ts'
import { cleanUpMedia } from '../domain/media/clean-up-media.ts'
import { createNotifications } from '../domain/notifications/create-notifications.ts'
import { sendNotificationDigest } from '../domain/notifications/notification-mail.ts'
import { endPoll } from '../domain/notifications/poll-ended.ts'
import { liftExpiredSuspension } from '../domain/reports/account-actions.ts'
import type { JobName, JobPayloads } from './queue.ts'

export const handlers: { [N in JobName]: (ctx: AppContext, payload: JobPayloads[N]) => Promise<void> } = {
  sendEmail: deliverMail,
  createNotifications,
  endPoll,
  sendNotificationDigest,
  liftSuspension: liftExpiredSuspension,
  fetchLinkPreview,
  cleanUpMedia,
}
