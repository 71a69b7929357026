import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function MeasurePage() {
  return <Page title="MeasurePage" />;
}
