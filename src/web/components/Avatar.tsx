import type { CurrentUser } from '../api/session.ts'

export function Avatar({
  user,
  size = 40,
}: {
  user: Pick<CurrentUser, 'avatar' | 'display_name' | 'username'>
  size?: number
}) {
  if (user.avatar) return <img className="avatar" src={user.avatar} alt="" width={size} height={size} />
  const name = user.display_name || user.username
  const letter = Array.from(name.trim())[0]?.toLocaleUpperCase() ?? '?'
  return (
    <span
      className="avatar avatar-letter"
      style={{ width: size, height: size, fontSize: size * 0.45 }}
      aria-hidden="true"
    >
      {letter}
    </span>
  )
}
