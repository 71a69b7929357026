import type { AreaNode } from '@trygghet/client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { api } from '../../shared/api';
import { formatNumber } from '../../shared/format';
import { Loading, Page } from '../../shared/Page';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { useLoad } from '../../shared/useLoad';
import { districts } from './series';
import './areas.css';

/** The district and its neighbourhoods, as a nested list of links. */
export function AreasPage() {
  const { t } = useTranslation('areas');
  const areas = useLoad((signal) => api().listAreas(signal), []);
  return (
    <Page title={t('list.title')} lead={t('list.lead')}>
      {areas.state === 'failed' && <ProblemAlert problem={areas.problem} />}
      {areas.state === 'loading' && <Loading />}
      {areas.data && (
        <nav aria-label={t('list.tree')}>
          <ul className="area-tree">
            {districts(areas.data).map((district) => (
              <li key={district.slug}>
                <AreaLink area={district} />
                {district.children.length > 0 && (
                  <ul>
                    {district.children.map((child) => (
                      <li key={child.slug}>
                        <AreaLink area={child} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}
    </Page>
  );
}

function AreaLink({ area }: { area: AreaNode }) {
  const { t } = useTranslation('areas');
  return (
    <>
      <Link to={`/omraden/${area.slug}`}>{area.name}</Link>
      {area.population != null && area.populationYear != null && (
        <span className="hint">{t('list.population', { population: formatNumber(area.population, currentLanguage()), year: area.populationYear })}</span>
      )}
    </>
  );
}
