import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { Account } from '../../api/accounts.ts'
import { AccountAvatar } from './AccountAvatar.tsx'
import { nameOf, profilePathOf } from './account-model.ts'

type Props = {
  account: Account
  /** About them: mutual friends, when a request was sent … Each item a <span>, joined with "·". */
  meta?: ReactNode
  actions?: ReactNode
  size?: number
  as?: 'li' | 'div'
}

/** A person in a list: picture and name (both open the profile), a line about them, and actions. */
export function PersonCard({ account, meta, actions, size = 64, as: Tag = 'li' }: Props) {
  const path = profilePathOf(account)
  return (
    <Tag className="person-card">
      <Link to={path} className="person-card-picture" tabIndex={-1} aria-hidden="true">
        <AccountAvatar account={account} size={size} />
      </Link>
      <div className="person-card-body">
        <Link to={path} className="person-card-name">
          <bdi>{nameOf(account)}</bdi>
        </Link>
        <span className="person-card-handle" dir="ltr">
          @{account.username}
        </span>
        {meta && (
          <div className="person-card-meta">
            <div>{meta}</div>
          </div>
        )}
      </div>
      {actions && <div className="person-card-actions">{actions}</div>}
    </Tag>
  )
}
