// Transactional mail in the recipient's language. i18next keeps the server's strings like the web's.
import i18next, { type TFunction } from 'i18next'

const resources = {
  en: {
    mail: {
      greeting: 'Hi {{name}},',
      confirm_subject: 'Confirm your email for {{site}}',
      confirm_body: 'Please confirm your email address to finish joining {{site}}:',
      change_subject: 'Confirm your new email for {{site}}',
      change_body: 'Please confirm that this is your new email address on {{site}}:',
      reset_subject: 'Reset your {{site}} password',
      reset_body: 'Someone asked to reset your password on {{site}}. If it was you, choose a new one here:',
      ignore: "If you didn't ask for this, you can ignore this email.",
      expires: 'This link works once and expires in {{hours}} hours.',
      approved_subject: 'Welcome to {{site}}',
      approved_body: 'Your account on {{site}} has been approved. You can sign in now:',
    },
  },
  ar: {
    mail: {
      greeting: 'مرحبًا {{name}}،',
      confirm_subject: 'أكّد بريدك الإلكتروني في {{site}}',
      confirm_body: 'يُرجى تأكيد عنوان بريدك الإلكتروني لإكمال انضمامك إلى {{site}}:',
      change_subject: 'أكّد بريدك الإلكتروني الجديد في {{site}}',
      change_body: 'يُرجى تأكيد أن هذا هو عنوان بريدك الإلكتروني الجديد في {{site}}:',
      reset_subject: 'إعادة تعيين كلمة مرور {{site}}',
      reset_body: 'طلب أحدهم إعادة تعيين كلمة مرورك في {{site}}. إن كنت أنت، فاختر كلمة جديدة من هنا:',
      ignore: 'إن لم تطلب ذلك، يمكنك تجاهل هذه الرسالة.',
      expires: 'يعمل هذا الرابط مرة واحدة وتنتهي صلاحيته خلال {{hours}} ساعة.',
      approved_subject: 'أهلًا بك في {{site}}',
      approved_body: 'تمت الموافقة على حسابك في {{site}}. يمكنك تسجيل الدخول الآن:',
    },
  },
}

const i18n = i18next.createInstance()
await i18n.init({ resources, fallbackLng: 'en', defaultNS: 'mail', interpolation: { escapeValue: false } })

function tFor(locale: string): TFunction {
  return i18n.getFixedT(locale in resources ? locale : 'en')
}

export type LinkMail = 'confirm' | 'change' | 'reset' | 'approved'

export function renderLinkMail(
  kind: LinkMail,
  v: { locale: string; name: string; site: string; url: string; hours?: number },
): { subject: string; text: string } {
  const t = tFor(v.locale)
  const lines = [t('greeting', { name: v.name }), '', t(`${kind}_body`, { site: v.site }), '', v.url, '']
  if (kind !== 'approved') lines.push(t('expires', { hours: v.hours ?? 48 }), t('ignore'))
  return { subject: t(`${kind}_subject`, { site: v.site }), text: lines.join('\n') }
}
