import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function SignInPage() {
  return <Page title="SignInPage" />;
}
