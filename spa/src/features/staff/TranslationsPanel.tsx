import type { EventPlan, EventTranslation, EventTranslationInput } from '@trygghet/client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { languageNames, languages, type Language } from '../../i18n';
import { api } from '../../shared/api';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useAction } from '../../shared/useAction';
import { useLoad } from '../../shared/useLoad';
import { SelectField, TextField } from './fields';

const empty = { title: '', description: '', problem: '', place: '', method: '', venueName: '', accessibilityNotes: '', meetingPoint: '', agenda: '' };
type Form = typeof empty;

function formOf(translation: EventTranslation | undefined): Form {
  if (!translation) return empty;
  return {
    title: translation.title,
    description: translation.description ?? '',
    problem: translation.problem ?? '',
    place: translation.place ?? '',
    method: translation.method ?? '',
    venueName: translation.venueName ?? '',
    accessibilityNotes: translation.accessibilityNotes ?? '',
    meetingPoint: translation.meetingPoint ?? '',
    agenda: translation.agenda.join('\n'),
  };
}

/** The event's texts in the district's other languages: choose a language, write or replace its texts, or remove them. */
export function TranslationsPanel({ plan }: { plan: EventPlan }) {
  const { t } = useTranslation('staff');
  const targets = languages.filter((l) => l !== 'sv');
  const [language, setLanguage] = useState<Language>(targets[0] ?? 'en');
  const translations = useLoad((signal) => api().listEventTranslations(plan.id, signal), [plan.id]);
  const existing = translations.data?.find((x) => x.language === language);
  const [form, setForm] = useState<Form>(empty);
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const { busy, problem, run } = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  const key = `${language}/${existing?.updatedAt ?? ''}`;
  if (translations.data && loadedFor !== key) {
    setLoadedFor(key);
    setForm(formOf(existing));
  }
  const set = (field: keyof Form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const optional = (value: string) => (value.trim() === '' ? undefined : value);

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const body: EventTranslationInput = {
        title: form.title,
        description: optional(form.description),
        problem: optional(form.problem),
        place: optional(form.place),
        method: optional(form.method),
        venueName: optional(form.venueName),
        accessibilityNotes: optional(form.accessibilityNotes),
        meetingPoint: optional(form.meetingPoint),
        agenda: form.agenda.split('\n').map((line) => line.trim()).filter(Boolean),
      };
      const result = await api().putEventTranslation(plan.id, language, body);
      setSaved(result.personalDataWarnings?.length ? t('translations.savedWithWarnings') : t('translations.saved'));
      translations.reload();
    });
  };

  const remove = () =>
    void run(async () => {
      await api().deleteEventTranslation(plan.id, language);
      setSaved(t('translations.removed'));
      translations.reload();
    });

  return (
    <section className="panel" aria-labelledby="translations-heading">
      <h2 id="translations-heading">{t('translations.heading')}</h2>
      <p className="hint">{t('translations.lead')}</p>
      {translations.state === 'failed' && <ProblemAlert problem={translations.problem} focus={false} />}
      <SelectField name="language" label={t('translations.language')} value={language} onChange={(value) => setLanguage(value as Language)}>
        {targets.map((l) => (
          <option key={l} value={l}>
            {languageNames[l]}
            {translations.data?.some((x) => x.language === l) ? ` – ${t('translations.exists')}` : ''}
          </option>
        ))}
      </SelectField>
      {existing?.outdated && <p className="notice warn">{t('translations.outdated')}</p>}
      <form onSubmit={save} lang={language} dir={language === 'ar' ? 'rtl' : 'ltr'}>
        <TextField name="title" label={t('translations.title')} value={form.title} onChange={set('title')} problem={problem} required />
        <TextField name="description" label={t('translations.description')} value={form.description} onChange={set('description')} problem={problem} multiline />
        <TextField name="problem" label={t('translations.problem')} value={form.problem} onChange={set('problem')} problem={problem} multiline />
        <TextField name="place" label={t('translations.place')} value={form.place} onChange={set('place')} problem={problem} />
        <TextField name="method" label={t('translations.method')} value={form.method} onChange={set('method')} problem={problem} />
        {plan.venue && <TextField name="venueName" label={t('translations.venueName')} value={form.venueName} onChange={set('venueName')} problem={problem} />}
        {plan.venue && (
          <TextField name="accessibilityNotes" label={t('translations.accessibilityNotes')} value={form.accessibilityNotes} onChange={set('accessibilityNotes')} problem={problem} multiline />
        )}
        {plan.walk && <TextField name="meetingPoint" label={t('translations.meetingPoint')} value={form.meetingPoint} onChange={set('meetingPoint')} problem={problem} />}
        {plan.agenda.length > 0 && (
          <TextField name="agenda" label={t('translations.agenda', { count: plan.agenda.length })} value={form.agenda} onChange={set('agenda')} problem={problem} multiline rows={plan.agenda.length + 1} />
        )}
        {problem && <ProblemAlert problem={problem} />}
        <p className="actions">
          <button type="submit" disabled={busy}>
            {t('translations.save')}
          </button>
          {existing && (
            <button type="button" className="secondary" disabled={busy} onClick={remove}>
              {t('translations.remove')}
            </button>
          )}
        </p>
        {saved && (
          <p role="status" className="notice">
            {saved}
          </p>
        )}
      </form>
    </section>
  );
}
