import { Page } from '../../shared/Page';

// Placeholder until this screen is built.
export function AreaPage() {
  return <Page title="AreaPage" />;
}
