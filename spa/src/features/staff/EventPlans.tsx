import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function EventPlans() {
  return <Page title="EventPlans" />;
}
