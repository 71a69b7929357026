import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function AreasPage() {
  return <Page title="AreasPage" />;
}
