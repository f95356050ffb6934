// Blocked IP ranges: /api/v1/admin/ip_blocks, with an effect and an expiry.
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createIpBlock, deleteIpBlock, type IpSeverity, ipSeverities, listIpBlocks } from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { ConfirmButton } from '../../../components/ConfirmButton.tsx'
import { Field } from '../../../components/Field.tsx'
import { describeError, fieldErrorsFrom } from '../../../lib/errors.ts'
import { useLoad } from '../../../lib/use-load.ts'
import { PlusIcon } from '../admin-icons.tsx'
import { Empty, Loaded, When } from '../admin-ui.tsx'
import { Card, useAdd } from './filter-ui.tsx'

const EXPIRIES = ['', String(86_400), String(7 * 86_400), String(30 * 86_400), String(365 * 86_400)] as const

export function IpBlocksCard() {
  const { t } = useTranslation()
  const id = useId()
  const list = useLoad(listIpBlocks)
  const add = useAdd()
  const [ip, setIp] = useState('')
  const [severity, setSeverity] = useState<IpSeverity>('sign_up_block')
  const [comment, setComment] = useState('')
  const [expires, setExpires] = useState<string>('')
  const errors = fieldErrorsFrom(add.error, ['ip', 'severity', 'comment'])
  return (
    <Card id="ip-blocks" title={t('admin.filters.ips.title')} intro={t('admin.filters.ips.intro')}>
      <Loaded load={list}>
        {(blocks) =>
          blocks.length === 0 ? (
            <Empty>{t('admin.filters.ips.empty')}</Empty>
          ) : (
            <table className="admin-table">
              <caption className="visually-hidden">{t('admin.filters.ips.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.filters.ips.range')}</th>
                  <th scope="col">{t('admin.filters.ips.severity')}</th>
                  <th scope="col">{t('admin.filters.ips.comment')}</th>
                  <th scope="col">{t('admin.filters.ips.expires')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('admin.filters.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {blocks.map((b) => (
                  <tr key={b.id}>
                    <td>
                      <code dir="ltr">{b.ip}</code>
                    </td>
                    <td data-label={t('admin.filters.ips.severity')}>
                      <span
                        className={`badge ${b.severity === 'no_access' ? 'badge-danger' : b.severity === 'sign_up_block' ? 'badge-warning' : 'badge-info'}`}
                      >
                        {t(`admin.filters.ips.severities.${b.severity}`)}
                      </span>
                    </td>
                    <td data-label={t('admin.filters.ips.comment')}>
                      {b.comment ? <span dir="auto">{b.comment}</span> : <span className="muted">—</span>}
                    </td>
                    <td data-label={t('admin.filters.ips.expires')}>
                      {b.expires_at ? (
                        <When iso={b.expires_at} />
                      ) : (
                        <span className="muted">{t('admin.filters.ips.never')}</span>
                      )}
                    </td>
                    <td className="cell-actions">
                      <ConfirmButton
                        question={t('admin.filters.remove_question')}
                        confirmLabel={t('admin.filters.remove')}
                        onConfirm={async () => {
                          await deleteIpBlock(b.id)
                          list.reload()
                        }}
                      >
                        {t('admin.filters.remove')}
                      </ConfirmButton>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
      <form
        className="admin-form ip-form"
        onSubmit={(e) =>
          add.run(
            e,
            () =>
              createIpBlock({
                ip: ip.trim(),
                severity,
                comment: comment.trim(),
                expires_in: expires ? Number(expires) : null,
              }),
            () => {
              setIp('')
              setComment('')
              list.reload()
            },
          )
        }
        noValidate
      >
        <div className="admin-inline-form">
          <div className={errors.ip ? 'field field-invalid' : 'field'}>
            <label className="field-label" htmlFor={`${id}-ip`}>
              {t('admin.filters.ips.range')}
            </label>
            <input
              id={`${id}-ip`}
              className="input"
              value={ip}
              placeholder="203.0.113.0/24"
              onChange={(e) => setIp(e.target.value)}
              aria-describedby={`${id}-ip-hint`}
              aria-invalid={errors.ip ? true : undefined}
              dir="ltr"
            />
            {errors.ip && <p className="field-error">{errors.ip}</p>}
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-sev`}>
              {t('admin.filters.ips.severity')}
            </label>
            <select
              id={`${id}-sev`}
              className="select"
              value={severity}
              onChange={(e) => setSeverity(e.target.value as IpSeverity)}
            >
              {ipSeverities.map((s) => (
                <option key={s} value={s}>
                  {t(`admin.filters.ips.severities.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-exp`}>
              {t('admin.filters.ips.expires')}
            </label>
            <select id={`${id}-exp`} className="select" value={expires} onChange={(e) => setExpires(e.target.value)}>
              {EXPIRIES.map((s) => (
                <option key={s || 'never'} value={s}>
                  {s ? t('admin.action.days', { count: Number(s) / 86_400 }) : t('admin.filters.ips.never')}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="field-hint admin-inline-hint" id={`${id}-ip-hint`}>
          {t('admin.filters.ips.range_hint')}
        </p>
        <div className="admin-inline-form">
          <Field
            label={t('admin.filters.ips.comment')}
            value={comment}
            maxLength={1000}
            onChange={(e) => setComment(e.target.value)}
            error={errors.comment}
            dir="auto"
          />
          <Button type="submit" busy={add.busy} disabled={!ip.trim()} icon={<PlusIcon size={16} />}>
            {t('admin.filters.ips.add')}
          </Button>
        </div>
      </form>
      {add.error !== null && Object.keys(errors).length === 0 && (
        <Alert tone="error">{describeError(t, add.error)}</Alert>
      )}
    </Card>
  )
}
