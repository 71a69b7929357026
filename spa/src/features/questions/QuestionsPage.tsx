import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function QuestionsPage() {
  return <Page title="QuestionsPage" />;
}
