import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function RsvpPage() {
  return <Page title="RsvpPage" />;
}
