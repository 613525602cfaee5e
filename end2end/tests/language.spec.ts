import { test, expect } from '@playwright/test';
import { DEMO_PASSWORD, hydrated } from './helpers';

test.describe('language', () => {
  test.use({ locale: 'ro-RO' });

  test('the sign-in page follows a Romanian browser, and the switch turns it to English', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Autentificare');
    await hydrated(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Română' })).toBeEnabled();
  });

  test('a member signs in in Romanian and is told of a mistake in Romanian', async ({ page }) => {
    await page.goto('/sign-in');
    await hydrated(page);
    await page.getByLabel('Adresa de e-mail').fill('police@demo.test');
    await page.getByLabel('Parola', { exact: true }).fill('this is not the password');
    await page.getByRole('button', { name: 'Autentificare' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Există o problemă');
    await expect(summary).toContainText('Adresa de e-mail sau parola nu este corectă.');
    await page.getByLabel('Parola', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Autentificare' }).click();
    await expect(page.getByRole('button', { name: 'Deconectare' })).toBeVisible();
    await page.getByRole('link', { name: 'Contul dumneavoastră' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Limba' })).toBeVisible();
  });
});
