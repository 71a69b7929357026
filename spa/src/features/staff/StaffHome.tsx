import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function StaffHome() {
  return <Page title="StaffHome" />;
}
