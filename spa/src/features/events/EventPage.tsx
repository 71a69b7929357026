import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function EventPage() {
  return <Page title="EventPage" />;
}
