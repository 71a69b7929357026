import type { SurveyText, SurveyTextStatus } from '@trygghet/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useAction } from '../../shared/useAction';
import { useLoad } from '../../shared/useLoad';
import './surveys.css';

const statuses: SurveyTextStatus[] = ['pending', 'approved', 'rejected'];

/** `/personal/granska/enkatsvar`: moderators decide which of the participants' suggestions are shown. */
export function SurveyModerationPage() {
  const { t } = useTranslation('surveys');
  const [status, setStatus] = useState<SurveyTextStatus>('pending');
  const [extra, setExtra] = useState<SurveyText[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const page = useLoad((signal) => api().listSurveyTexts(status, undefined, 20, undefined, signal), [status]);
  const selectId = useId();
  const more = useAction();
  const next = cursor === undefined ? page.data?.nextCursor : cursor;
  const items = [...(page.data?.items ?? []), ...extra];

  const choose = (value: SurveyTextStatus) => {
    setStatus(value);
    setExtra([]);
    setCursor(undefined);
  };

  return (
    <Page title={t('moderation.title')} lead={t('moderation.lead')}>
      <div className="field">
        <label htmlFor={selectId}>{t('moderation.status')}</label>
        <select id={selectId} value={status} onChange={(e) => choose(e.target.value as SurveyTextStatus)}>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {t(`moderation.statusValue.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {page.state === 'failed' && <ProblemAlert problem={page.problem} />}
      {page.state === 'loading' && !page.data && <Loading />}
      {page.data && items.length === 0 && <p>{t('moderation.empty')}</p>}
      <ul className="survey-texts">
        {items.map((item) => (
          <ModerationItem key={`${status}-${item.id}`} item={item} />
        ))}
      </ul>
      {next && (
        <button
          type="button"
          className="secondary"
          disabled={more.busy}
          onClick={() =>
            void more.run(async () => {
              const following = await api().listSurveyTexts(status, undefined, 20, next);
              setExtra([...extra, ...following.items]);
              setCursor(following.nextCursor ?? null);
            })
          }
        >
          {t('moderation.more')}
        </button>
      )}
      {more.problem && <ProblemAlert problem={more.problem} />}
    </Page>
  );
}

function ModerationItem({ item }: { item: SurveyText }) {
  const { t } = useTranslation('surveys');
  const [current, setCurrent] = useState(item);
  const { busy, problem, run } = useAction();
  const review = (to: 'approve' | 'reject') =>
    void run(async () => setCurrent(to === 'approve' ? await api().approveSurveyText(item.id) : await api().rejectSurveyText(item.id)));
  return (
    <li className="panel">
      <p>{current.text}</p>
      <p className="hint">{t('moderation.event', { title: current.eventTitle, date: formatDate(current.answeredAt, currentLanguage()) })}</p>
      <div role="status" aria-live="polite">
        {current.status !== item.status && <p className="notice">{t(current.status === 'approved' ? 'moderation.approved' : 'moderation.rejected')}</p>}
      </div>
      {problem && <ProblemAlert problem={problem} />}
      <button type="button" disabled={busy || current.status === 'approved'} onClick={() => review('approve')}>
        {t('moderation.approve')}
      </button>{' '}
      <button type="button" className="secondary" disabled={busy || current.status === 'rejected'} onClick={() => review('reject')}>
        {t('moderation.reject')}
      </button>
    </li>
  );
}
