import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function SignalsPage() {
  return <Page title="SignalsPage" />;
}
