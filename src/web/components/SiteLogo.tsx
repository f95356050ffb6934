import { useState } from 'react'
import { useSite } from '../context/site.tsx'

/** The site's logo, or a rounded square in the brand colour with the name's first letter. */
export function SiteLogo({ size = 36 }: { size?: number }) {
  const { site } = useSite()
  const [broken, setBroken] = useState(false)
  if (site.logo_url && !broken) {
    return (
      <img
        className="site-logo"
        src={site.logo_url}
        alt=""
        width={size}
        height={size}
        onError={() => setBroken(true)}
      />
    )
  }
  const letter = Array.from(site.name.trim())[0]?.toLocaleUpperCase() ?? 'K'
  return (
    <span
      className="site-logo site-logo-letter"
      style={{ width: size, height: size, fontSize: size * 0.5 }}
      aria-hidden="true"
    >
      {letter}
    </span>
  )
}
