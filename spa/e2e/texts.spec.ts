import { expect, test, type Locator } from '@playwright/test';
import { signedIn, upcomingHybridDialogue } from './support';

/** Names in Swedish order: Å, Ä and Ö after Z, whatever the language of the page. */
function expectSwedishOrder(names: string[]) {
  const present = ['Aspudden', 'Västberga', 'Älvsjö', 'Örby slott'].filter((name) => names.includes(name));
  expect(present.length, `Swedish names among ${names.join(', ')}`).toBeGreaterThanOrEqual(3);
  const positions = present.map((name) => names.indexOf(name));
  expect(positions, names.join(', ')).toEqual([...positions].sort((a, b) => a - b));
}

async function texts(items: Locator): Promise<string[]> {
  return (await items.allInnerTexts()).map((text) => text.trim());
}

test('registering without consent says what to do next to the checkbox, in Swedish and in English', async ({ page }) => {
  await page.goto(await upcomingHybridDialogue(page));
  await page.getByRole('button', { name: 'Anmäl mig' }).click();

  const consent = page.getByRole('checkbox', { name: /godkänner/ });
  await expect(consent).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Du behöver godkänna hur dina uppgifter hanteras för att kunna anmäla dig.').first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/Consent|consentVersion/);

  await page.getByRole('button', { name: 'In English' }).click();
  await page.getByRole('button', { name: 'Register me' }).click();
  await expect(page.getByRole('checkbox', { name: /agree/ })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('You need to agree to how your details are handled to register.').first()).toBeVisible();
  await expect(page.locator('body')).not.toContainText(/Consent Version|consentVersion|måste anges/);
});

test('the areas page lists the neighbourhoods in Swedish order in both languages', async ({ page }) => {
  await page.goto('/omraden');
  const tree = page.getByRole('navigation', { name: 'Områden i stadsdelsområdet' });
  await expect(tree.getByRole('link', { name: 'Örby slott' })).toBeVisible();
  const swedish = await texts(tree.getByRole('link'));
  expectSwedishOrder(swedish);
  expect(swedish.at(-1)).toBe('Örby slott');

  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const english = await texts(page.getByRole('navigation').filter({ has: page.getByRole('link', { name: 'Örby slott' }) }).getByRole('link'));
  expectSwedishOrder(english);
  expect(english.at(-1)).toBe('Örby slott');
});

test('the signals page lists the areas in Swedish order in both languages', async ({ page }) => {
  await signedIn(page, 'staff');
  await page.goto('/personal/signaler');
  await expect(page.getByRole('article').first()).toBeVisible();
  expectSwedishOrder(await texts(page.getByRole('article').locator('h3')));

  await page.getByRole('button', { name: 'In English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('article').first()).toBeVisible();
  expectSwedishOrder(await texts(page.getByRole('article').locator('h3')));
});
