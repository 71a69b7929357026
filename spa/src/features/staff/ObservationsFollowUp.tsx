import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function ObservationsFollowUp() {
  return <Page title="ObservationsFollowUp" />;
}
