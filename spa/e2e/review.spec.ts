import { expect, test, type Page } from '@playwright/test';
import { devToken, expectAccessible, signedIn, widths } from './support';

interface Recorded {
  id: string;
  number: number;
  description: string | null;
  descriptionHeld: boolean;
}

/**
 * An observation in Fruängen whose description holds a phone number, recorded by staff through the API: the
 * confidentiality filter holds its description for review while the rest of it is public.
 */
async function heldObservation(page: Page, stamp = Date.now().toString(36)): Promise<Recorded & { text: string }> {
  const token = await devToken(page, 'staff');
  const text = `Lampan i gångtunneln är trasig sedan i måndags, ring mig på 070-123 45 67 (${stamp}).`;
  const response = await page.request.post('/api/v1/observations', {
    headers: { Authorization: `Bearer ${token}` },
    data: { category: 'lighting', description: text, severity: 2, lat: 59.2857, lon: 17.97 },
  });
  expect(response.status(), await response.text()).toBe(201);
  const recorded = (await response.json()) as Recorded;
  expect(recorded.descriptionHeld).toBe(true);
  expect(recorded.description).toBeNull();
  return { ...recorded, text };
}

const heading = (number: number) => `Iakttagelse nr ${number}: Belysning`;

test('a moderator redacts a held description on the review page, and the redacted text is what the public sees', async ({ page }) => {
  const held = await heldObservation(page);

  // Meanwhile the public sees the observation, with its description said to be under review.
  await page.goto(`/iakttagelser/${held.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Belysning (nr ${held.number})` })).toBeVisible();
  await expect(page.getByText('Beskrivningen granskas innan den visas.')).toBeVisible();
  await expect(page.getByText('070-123 45 67')).toHaveCount(0);

  await signedIn(page, 'moderator');
  await page.goto('/personal');
  await page.getByRole('navigation', { name: 'Personalmeny' }).getByRole('link', { name: /^Granska rapporter/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Granska rapporter' })).toBeFocused();

  const card = page.getByRole('article', { name: heading(held.number) });
  await expect(card).toBeVisible();
  await expect(card.locator('mark')).toHaveText('070-123 45 67 (telefonnummer)');
  await expect(card.getByText('Ser ut som telefonnummer: ”070-123 45 67”')).toBeVisible();
  await expect(card.getByText('Personal', { exact: true })).toBeVisible();

  await card.getByText('Redigera och publicera…').click();
  const box = card.getByRole('textbox', { name: 'Beskrivning att publicera' });
  await expect(box).toHaveValue(held.text);
  const redacted = held.text.replace(', ring mig på 070-123 45 67', '');
  await box.fill(redacted);
  await card.getByRole('button', { name: 'Publicera den redigerade texten' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Den redigerade beskrivningen av iakttagelse nr ${held.number} är publicerad.` })).toBeVisible();
  await expect(card).toHaveCount(0);

  // The public pages show the redacted text: the observation's own and the neighbourhood's.
  await page.goto(`/iakttagelser/${held.id}`);
  await expect(page.getByText(redacted)).toBeVisible();
  await expect(page.getByText('Beskrivningen granskas innan den visas.')).toHaveCount(0);
  await page.goto('/omraden/fruangen');
  const observations = page.getByRole('region', { name: 'Iakttagelser' });
  await expect(observations.getByRole('article', { name: `Belysning (nr ${held.number})` }).getByText(redacted)).toBeVisible();
});

for (const size of widths) {
  test(`the review page passes axe at ${size.name} width, also with what an edit still holds shown`, async ({ page }) => {
    await page.setViewportSize(size);
    const held = await heldObservation(page);
    await signedIn(page, 'staff');
    await page.goto('/personal/granska');
    const card = page.getByRole('article', { name: heading(held.number) });
    await expect(card.locator('mark')).toBeVisible();
    await expectAccessible(page);

    await card.getByText('Redigera och publicera…').click();
    await card.getByRole('textbox', { name: 'Beskrivning att publicera' }).fill(`Ring 070-123 45 67 om lampan (${held.number}).`);
    await card.getByRole('button', { name: 'Publicera den redigerade texten' }).click();
    await expect(card.locator('.field-error')).toContainText('ser fortfarande ut att innehålla telefonnummer');
    await expect(card.getByRole('checkbox', { name: /Publicera ändå/ })).toBeVisible();
    await expectAccessible(page);
  });
}
