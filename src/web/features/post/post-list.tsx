import { createContext, useContext } from 'react'
import type { Patcher, Status } from './post-model.ts'

/**
 * How a card changes the list it sits in (a feed, a post page, a comment thread) without a reload.
 * Each list provides its own; a card only ever talks to the nearest one.
 */
export type PostListActions = {
  patch: (id: string, patch: Patcher) => void
  removeWhere: (test: (s: Status) => boolean) => void
  /** A new post of the viewer's (a share, a quote) that may belong at the top of this list. */
  insert: (s: Status) => void
}

const noop: PostListActions = { patch: () => {}, removeWhere: () => {}, insert: () => {} }

export const PostListContext = createContext<PostListActions>(noop)

export function usePostList(): PostListActions {
  return useContext(PostListContext)
}
