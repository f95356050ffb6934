import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { AuthCard } from '../../components/AuthCard.tsx'
import { CopyButton } from '../../components/CopyButton.tsx'
import { AlertIcon, CheckIcon } from '../../components/icons.tsx'
import { useDocumentTitle } from '../../lib/use-document-title.ts'

/** /oauth/authorize/native: where out-of-band apps send people, with ?code= or ?error=. */
export function NativeCodePage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const code = params.get('code')
  useDocumentTitle(code ? t('authorize.code_title') : t('authorize.denied_title'))

  if (!code) {
    return (
      <AuthCard
        icon={<AlertIcon size={28} />}
        title={t('authorize.denied_title')}
        subtitle={t('authorize.native_denied')}
      />
    )
  }
  return (
    <AuthCard icon={<CheckIcon size={28} />} title={t('authorize.code_title')} subtitle={t('authorize.native_body')}>
      <div className="code-box">
        <code dir="ltr">{code}</code>
        <CopyButton text={code} />
      </div>
    </AuthCard>
  )
}
