import type { ReactNode } from 'react'
import { SiteLogo } from './SiteLogo.tsx'

type AuthCardProps = {
  title: ReactNode
  subtitle?: ReactNode
  children?: ReactNode
  footer?: ReactNode
  wide?: boolean
  icon?: ReactNode
}

/** The centred single-column card used by sign-in, sign-up and the other account pages. */
export function AuthCard({ title, subtitle, children, footer, wide, icon }: AuthCardProps) {
  return (
    <div className="auth-page">
      <section className={wide ? 'card auth-card auth-card-wide' : 'card auth-card'}>
        <div className="auth-card-head">
          {icon ? <span className="auth-card-icon">{icon}</span> : <SiteLogo size={48} />}
          <h1>{title}</h1>
          {subtitle && <p className="muted">{subtitle}</p>}
        </div>
        {children}
      </section>
      {footer && <div className="auth-footer">{footer}</div>}
    </div>
  )
}
