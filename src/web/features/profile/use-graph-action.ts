import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Relationship } from '../../api/relationships.ts'
import { showToast } from '../../components/Toaster.tsx'
import { describeError } from '../../lib/errors.ts'
import { loadRelationships, notifyGraphChange, putRelationships } from './relationships-store.ts'

/**
 * Runs one change to the graph (send a request, follow, block …): the answer becomes the shared
 * relationship, listeners refresh their counts, and a failure is told in a toast.
 */
export function useGraphAction() {
  const { t } = useTranslation()
  const [busy, setBusy] = useState<string | null>(null)

  const run = useCallback(
    async (
      key: string,
      accountId: string,
      action: () => Promise<Relationship | undefined>,
      done?: string,
    ): Promise<boolean> => {
      setBusy(key)
      try {
        const answer = await action()
        if (answer) putRelationships([answer])
        notifyGraphChange(accountId)
        if (done) showToast(done)
        return true
      } catch (error) {
        showToast(describeError(t, error), 'error')
        // Something changed elsewhere (the other person acted first): show what is true now.
        loadRelationships([accountId]).catch(() => {})
        return false
      } finally {
        setBusy(null)
      }
    },
    [t],
  )

  return { busy, run }
}
