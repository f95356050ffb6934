import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type ContentFilter,
  createContentFilter,
  createEmailDomainBlock,
  deleteContentFilter,
  deleteEmailDomainBlock,
  listContentFilters,
  listEmailDomainBlocks,
} from '../../../api/admin.ts'
import { Alert } from '../../../components/Alert.tsx'
import { Button } from '../../../components/Button.tsx'
import { ConfirmButton } from '../../../components/ConfirmButton.tsx'
import { Field } from '../../../components/Field.tsx'
import { describeError, fieldErrorsFrom } from '../../../lib/errors.ts'
import { useDocumentTitle } from '../../../lib/use-document-title.ts'
import { useLoad } from '../../../lib/use-load.ts'
import { PlusIcon } from '../admin-icons.tsx'
import { Empty, Loaded, SectionHead, useCan, When } from '../admin-ui.tsx'
import { Card, useAdd } from './filter-ui.tsx'
import { IpBlocksCard } from './IpBlocksCard.tsx'
import { RateLimitsCard } from './RateLimitsCard.tsx'

export function FiltersSection() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.filters.title'))
  const can = useCan()
  return (
    <>
      <SectionHead title={t('admin.filters.title')} intro={t('admin.filters.intro')} />
      <ContentFiltersCard />
      <EmailDomainsCard />
      <IpBlocksCard />
      {can('manage_settings') && <RateLimitsCard />}
    </>
  )
}

function ContentFiltersCard() {
  const { t } = useTranslation()
  const id = useId()
  const list = useLoad(listContentFilters)
  const add = useAdd()
  const [pattern, setPattern] = useState('')
  const [kind, setKind] = useState<ContentFilter['kind']>('word')
  const [action, setAction] = useState<ContentFilter['action']>('flag')
  const errors = fieldErrorsFrom(add.error, ['pattern', 'kind', 'action'])
  return (
    <Card id="content-filters" title={t('admin.filters.words.title')} intro={t('admin.filters.words.intro')}>
      <Loaded load={list}>
        {(filters) =>
          filters.length === 0 ? (
            <Empty>{t('admin.filters.words.empty')}</Empty>
          ) : (
            <table className="admin-table">
              <caption className="visually-hidden">{t('admin.filters.words.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.filters.words.pattern')}</th>
                  <th scope="col">{t('admin.filters.words.kind')}</th>
                  <th scope="col">{t('admin.filters.words.action')}</th>
                  <th scope="col">{t('admin.filters.added')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('admin.filters.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {filters.map((f) => (
                  <tr key={f.id}>
                    <td>
                      <code dir="auto">{f.pattern}</code>
                    </td>
                    <td data-label={t('admin.filters.words.kind')}>{t(`admin.filters.words.kinds.${f.kind}`)}</td>
                    <td data-label={t('admin.filters.words.action')}>
                      <span className={`badge ${f.action === 'block' ? 'badge-danger' : 'badge-warning'}`}>
                        {t(`admin.filters.words.actions.${f.action}`)}
                      </span>
                    </td>
                    <td data-label={t('admin.filters.added')}>
                      <When iso={f.created_at} />
                    </td>
                    <td className="cell-actions">
                      <ConfirmButton
                        question={t('admin.filters.remove_question')}
                        confirmLabel={t('admin.filters.remove')}
                        onConfirm={async () => {
                          await deleteContentFilter(f.id)
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
        className="admin-inline-form"
        onSubmit={(e) =>
          add.run(
            e,
            () => createContentFilter({ pattern: pattern.trim(), kind, action }),
            () => {
              setPattern('')
              list.reload()
            },
          )
        }
        noValidate
      >
        <div className={errors.pattern ? 'field field-invalid' : 'field'}>
          <label className="field-label" htmlFor={`${id}-pattern`}>
            {t('admin.filters.words.pattern')}
          </label>
          <input
            id={`${id}-pattern`}
            className="input"
            value={pattern}
            maxLength={500}
            onChange={(e) => setPattern(e.target.value)}
            aria-describedby={`${id}-pattern-hint`}
            aria-invalid={errors.pattern ? true : undefined}
            dir="auto"
          />
          {errors.pattern && <p className="field-error">{errors.pattern}</p>}
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-kind`}>
            {t('admin.filters.words.kind')}
          </label>
          <select
            id={`${id}-kind`}
            className="select"
            value={kind}
            onChange={(e) => setKind(e.target.value as ContentFilter['kind'])}
          >
            <option value="word">{t('admin.filters.words.kinds.word')}</option>
            <option value="regex">{t('admin.filters.words.kinds.regex')}</option>
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-action`}>
            {t('admin.filters.words.action')}
          </label>
          <select
            id={`${id}-action`}
            className="select"
            value={action}
            onChange={(e) => setAction(e.target.value as ContentFilter['action'])}
          >
            <option value="flag">{t('admin.filters.words.actions.flag')}</option>
            <option value="block">{t('admin.filters.words.actions.block')}</option>
          </select>
        </div>
        <Button type="submit" busy={add.busy} disabled={!pattern.trim()} icon={<PlusIcon size={16} />}>
          {t('admin.filters.add')}
        </Button>
      </form>
      <p className="field-hint admin-inline-hint" id={`${id}-pattern-hint`}>
        {kind === 'regex' ? t('admin.filters.words.regex_hint') : t('admin.filters.words.word_hint')}
      </p>
      {add.error !== null && Object.keys(errors).length === 0 && (
        <Alert tone="error">{describeError(t, add.error)}</Alert>
      )}
    </Card>
  )
}

function EmailDomainsCard() {
  const { t } = useTranslation()
  const list = useLoad(listEmailDomainBlocks)
  const add = useAdd()
  const [domain, setDomain] = useState('')
  const errors = fieldErrorsFrom(add.error, ['domain'])
  return (
    <Card id="email-domains" title={t('admin.filters.domains.title')} intro={t('admin.filters.domains.intro')}>
      <Loaded load={list}>
        {(blocks) =>
          blocks.length === 0 ? (
            <Empty>{t('admin.filters.domains.empty')}</Empty>
          ) : (
            <table className="admin-table">
              <caption className="visually-hidden">{t('admin.filters.domains.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.filters.domains.domain')}</th>
                  <th scope="col">{t('admin.filters.added')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('admin.filters.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {blocks.map((b) => (
                  <tr key={b.id}>
                    <td>
                      <code dir="ltr">{b.domain}</code>
                    </td>
                    <td data-label={t('admin.filters.added')}>
                      <When iso={b.created_at} />
                    </td>
                    <td className="cell-actions">
                      <ConfirmButton
                        question={t('admin.filters.remove_question')}
                        confirmLabel={t('admin.filters.remove')}
                        onConfirm={async () => {
                          await deleteEmailDomainBlock(b.id)
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
        className="admin-inline-form"
        onSubmit={(e) =>
          add.run(
            e,
            () => createEmailDomainBlock(domain.trim().replace(/^@/, '')),
            () => {
              setDomain('')
              list.reload()
            },
          )
        }
        noValidate
      >
        <Field
          label={t('admin.filters.domains.domain')}
          value={domain}
          placeholder="spam.example"
          onChange={(e) => setDomain(e.target.value)}
          error={errors.domain}
          dir="ltr"
        />
        <Button type="submit" busy={add.busy} disabled={!domain.trim()} icon={<PlusIcon size={16} />}>
          {t('admin.filters.domains.add')}
        </Button>
      </form>
      {add.error !== null && Object.keys(errors).length === 0 && (
        <Alert tone="error">{describeError(t, add.error)}</Alert>
      )}
    </Card>
  )
}
