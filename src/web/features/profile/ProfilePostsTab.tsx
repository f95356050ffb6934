import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { accountStatusesLoader } from '../../api/timelines.ts'
import { Composer } from '../compose/Composer.tsx'
import { Timeline } from '../feed/Timeline.tsx'
import { useTimeline } from '../feed/use-timeline.ts'
import { nameOf } from './account-model.ts'
import { IntroCard } from './IntroCard.tsx'
import { FriendsPreview, PhotosPreview } from './ProfileSide.tsx'
import { useProfile } from './profile-context.ts'

/** The profile's main tab: intro, photos and friends at the side; the person's posts (and your composer). */
export function ProfilePostsTab() {
  const { t } = useTranslation()
  const { account, isOwn } = useProfile()
  const loader = useMemo(() => accountStatusesLoader(account.id, { exclude_replies: true }), [account.id])
  const timeline = useTimeline(loader, `account:${account.id}`, { insertOwn: isOwn })

  return (
    <div className="profile-columns">
      <div className="profile-side">
        <IntroCard account={account} isOwn={isOwn} />
        <PhotosPreview account={account} />
        <FriendsPreview account={account} />
      </div>
      <div className="profile-feed">
        {isOwn && <Composer onPosted={timeline.add} />}
        <h2 className="profile-feed-title card">{t('profile.posts_heading')}</h2>
        <Timeline
          timeline={timeline}
          label={t('profile.posts_label', { name: nameOf(account) })}
          empty={
            <div className="card empty-state profile-empty">
              <p className="muted">
                {isOwn ? t('profile.no_posts_own') : t('profile.no_posts', { name: nameOf(account) })}
              </p>
            </div>
          }
        />
      </div>
    </div>
  )
}
