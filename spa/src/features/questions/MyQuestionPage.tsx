import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function MyQuestionPage() {
  return <Page title="MyQuestionPage" />;
}
