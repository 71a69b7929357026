import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function ModerationPage() {
  return <Page title="ModerationPage" />;
}
