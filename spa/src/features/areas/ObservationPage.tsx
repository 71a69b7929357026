import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function ObservationPage() {
  return <Page title="ObservationPage" />;
}
