import { RouterProvider } from 'react-router'
import { LocaleProvider } from './context/locale.tsx'
import { SessionProvider } from './context/session.tsx'
import { SiteProvider } from './context/site.tsx'
import { ThemeProvider } from './context/theme.tsx'
import { router } from './routes.tsx'

// Site first (brand, setup state), then the session, then the language that depends on both.
export function App() {
  return (
    <SiteProvider>
      <ThemeProvider>
        <SessionProvider>
          <LocaleProvider>
            <RouterProvider router={router} />
          </LocaleProvider>
        </SessionProvider>
      </ThemeProvider>
    </SiteProvider>
  )
}
