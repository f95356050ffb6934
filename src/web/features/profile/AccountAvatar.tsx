import './people.css'
import type { CSSProperties } from 'react'
import type { Account } from '../../api/accounts.ts'
import { hasAvatar, initialOf } from './account-model.ts'
import { useBlurhash } from './blurhash.ts'

type Props = {
  account: Pick<Account, 'avatar' | 'avatar_small' | 'avatar_blurhash' | 'display_name' | 'username'>
  size?: number
  className?: string
}

/** The account's picture over its blurhash, or its initial on a brand tint when there is none. */
export function AccountAvatar({ account, size = 40, className }: Props) {
  const placeholder = useBlurhash(account.avatar_blurhash)
  const classes = ['avatar', 'account-avatar', className].filter(Boolean).join(' ')
  if (!hasAvatar(account)) {
    return (
      <span
        className={`${classes} avatar-letter`}
        style={{ '--avatar-size': `${size}px` } as CSSProperties}
        aria-hidden="true"
      >
        {initialOf(account)}
      </span>
    )
  }
  // The 96 px copy is sharp up to 48 px at 2× density; bigger avatars use the 400 px original.
  const src = size <= 48 && account.avatar_small ? account.avatar_small : account.avatar
  return (
    <img
      className={classes}
      src={src}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      style={
        {
          '--avatar-size': `${size}px`,
          ...(placeholder ? { backgroundImage: `url(${placeholder})`, backgroundSize: 'cover' } : {}),
        } as CSSProperties
      }
    />
  )
}
