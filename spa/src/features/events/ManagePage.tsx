import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function ManagePage() {
  return <Page title="ManagePage" />;
}
