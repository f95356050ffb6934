import './home.css'
import { useSession } from '../../context/session.tsx'
import { useDocumentTitle } from '../../lib/use-document-title.ts'
import { HomeFeed } from './HomeFeed.tsx'
import { Landing } from './Landing.tsx'

export function HomePage() {
  const { user } = useSession()
  useDocumentTitle()
  return user ? <HomeFeed user={user} /> : <Landing />
}
