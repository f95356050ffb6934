import { useOutletContext } from 'react-router'
import type { Account } from '../../api/accounts.ts'
import type { Relationship } from '../../api/relationships.ts'

/** What the profile page hands to its tabs. */
export type ProfileOutlet = {
  account: Account
  isOwn: boolean
  /** The signed-in person's account id, or null for a visitor. */
  viewerId: string | null
  relationship: Relationship | undefined
}

export function useProfile(): ProfileOutlet {
  return useOutletContext<ProfileOutlet>()
}
