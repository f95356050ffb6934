import type { RouteObject } from 'react-router'
import { RequireUser } from '../../components/RequireUser.tsx'
import { EditProfilePage } from '../edit-profile/EditProfilePage.tsx'
import { ProfileFollowsTab } from './ProfileFollowsTab.tsx'
import { ProfileFriendsTab } from './ProfileFriendsTab.tsx'
import { ProfilePage } from './ProfilePage.tsx'
import { ProfilePhotosTab } from './ProfilePhotosTab.tsx'
import { ProfilePostsTab } from './ProfilePostsTab.tsx'

// `/@:username` and its tabs. Static segments outrank the post route `:handle/:id`, so
// `/@ana/friends` is the friends tab while `/@ana/1234` stays a post.
export const profileRoutes: RouteObject[] = [
  {
    path: ':handle/edit',
    element: (
      <RequireUser>
        <EditProfilePage />
      </RequireUser>
    ),
  },
  {
    path: ':handle',
    element: <ProfilePage />,
    children: [
      { index: true, element: <ProfilePostsTab /> },
      { path: 'friends', element: <ProfileFriendsTab /> },
      { path: 'photos', element: <ProfilePhotosTab /> },
      { path: 'followers', element: <ProfileFollowsTab key="followers" which="followers" /> },
      { path: 'following', element: <ProfileFollowsTab key="following" which="following" /> },
    ],
  },
]
