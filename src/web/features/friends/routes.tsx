import type { RouteObject } from 'react-router'
import { RequireUser } from '../../components/RequireUser.tsx'
import { AllFriendsTab } from './AllFriendsTab.tsx'
import { FollowRequestsTab } from './FollowRequestsTab.tsx'
import { FriendsPage } from './FriendsPage.tsx'
import { RequestsTab } from './RequestsTab.tsx'
import { SuggestionsTab } from './SuggestionsTab.tsx'

export const friendsRoute: RouteObject = {
  path: 'friends',
  element: (
    <RequireUser>
      <FriendsPage />
    </RequireUser>
  ),
  children: [
    { index: true, element: <RequestsTab /> },
    { path: 'suggestions', element: <SuggestionsTab /> },
    { path: 'all', element: <AllFriendsTab /> },
    { path: 'follow_requests', element: <FollowRequestsTab /> },
  ],
}
