import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function EventEditor() {
  return <Page title="EventEditor" />;
}
