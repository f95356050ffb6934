import type { FastifyRequest } from 'fastify'
import type { Moderator } from '../../domain/reports/account-actions.ts'

/** The signed-in staff member behind an admin request, with the IP the audit log records. */
export function actorOf(req: FastifyRequest): Moderator {
  return { viewer: req.viewer!, ip: req.ip ?? null }
}
