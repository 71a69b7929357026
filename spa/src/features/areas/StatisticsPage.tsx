import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function StatisticsPage() {
  return <Page title="StatisticsPage" />;
}
