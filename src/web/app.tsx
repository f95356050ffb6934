import { RouterProvider } from 'react-router'
import { LocaleProvider } from './context/locale.tsx'
import { SessionProvider } from './context/session.tsx'
import { SiteProvider } from './context/site.tsx'
import { StreamProvider } from './context/streaming.tsx'
import { ThemeProvider } from './context/theme.tsx'
import { NotificationsProvider } from './features/notifications/notifications-store.tsx'
import { router } from './routes.tsx'

// Site first (brand, setup state), then the session, then the language that depends on both; the
// signed-in tab's one stream and the notification count it keeps live sit inside the session.
export function App() {
  return (
    <SiteProvider>
      <ThemeProvider>
        <SessionProvider>
          <LocaleProvider>
            <StreamProvider>
              <NotificationsProvider>
                <RouterProvider router={router} />
              </NotificationsProvider>
            </StreamProvider>
          </LocaleProvider>
        </SessionProvider>
      </ThemeProvider>
    </SiteProvider>
  )
}
