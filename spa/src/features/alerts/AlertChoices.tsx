import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertFrequency, AreaNode } from '@trygghet/client';
import { api } from '../../shared/api';
import type { Problem } from '../../shared/api';
import { fieldErrors } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { districts } from '../areas/series';

/** The areas chosen: the district's slug alone means all of it. */
export interface Choices {
  areas: string[];
  frequency: AlertFrequency;
}

/** The choice of areas (the whole district, or neighbourhoods) and of how often, shared by the subscribe and manage pages. */
export function AlertChoices({ value, onChange, problem }: { value: Choices; onChange: (next: Choices) => void; problem: Problem | null }) {
  const { t } = useTranslation('alerts');
  const id = useId();
  const tree = useLoad((signal) => api().listAreas(signal), []);
  const district: AreaNode | undefined = tree.data ? districts(tree.data)[0] : undefined;
  const whole = district !== undefined && value.areas.includes(district.slug);
  const toggle = (slug: string, on: boolean) =>
    onChange({ ...value, areas: on ? [...value.areas.filter((s) => s !== district?.slug), slug] : value.areas.filter((s) => s !== slug) });
  const areaErrors = fieldErrors(problem, 'areas');
  return (
    <>
      <fieldset aria-describedby={areaErrors ? `${id}-areas-error` : undefined}>
        <legend>{t('subscribe.areas')}</legend>
        {district && (
          <>
            <p className="choice">
              <input type="checkbox" id={`${id}-whole`} checked={whole}
                onChange={(e) => onChange({ ...value, areas: e.target.checked ? [district.slug] : [] })} />
              <label htmlFor={`${id}-whole`}>{t('subscribe.whole')}</label>
            </p>
            <ul className="alert-areas">
              {district.children.map((area) => (
                <li key={area.slug} className="choice">
                  <input type="checkbox" id={`${id}-${area.slug}`} checked={whole || value.areas.includes(area.slug)} disabled={whole}
                    onChange={(e) => toggle(area.slug, e.target.checked)} />
                  <label htmlFor={`${id}-${area.slug}`}>{area.name}</label>
                </li>
              ))}
            </ul>
          </>
        )}
        {areaErrors && <p className="field-error" id={`${id}-areas-error`}>{areaErrors.join(' ')}</p>}
      </fieldset>
      <fieldset>
        <legend>{t('subscribe.frequency')}</legend>
        {(['immediate', 'weekly'] as const).map((frequency) => (
          <p key={frequency} className="choice">
            <input type="radio" name={`${id}-frequency`} id={`${id}-${frequency}`} checked={value.frequency === frequency}
              onChange={() => onChange({ ...value, frequency })} />
            <label htmlFor={`${id}-${frequency}`}>{t(`subscribe.${frequency}`)}</label>
          </p>
        ))}
      </fieldset>
    </>
  );
}
