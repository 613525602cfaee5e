import { test, expect } from '@playwright/test';
import { DEMO_PASSWORD, hydrated, signIn } from './helpers';

test.describe('what Convene emails each person, and the outbox', () => {
  test('a member chooses no email for minutes approved, and the choice is kept', async ({ page }) => {
    await signIn(page, 'advocate@demo.test');
    await page.goto('/account');
    await hydrated(page);
    const form = page.locator('#preferences');
    const approved = form.getByLabel('Minutes approved');
    await expect(approved).toHaveValue('digest');
    await approved.selectOption('none');
    await form.getByRole('button', { name: 'Save choices' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Your choices are saved.' })).toBeVisible();
    // The API reads the same choice back.
    const prefs = await (await page.request.get('/api/v1/me/notification-preferences')).json();
    expect(prefs.find((p: { kind: string }) => p.kind === 'minutes_approved').delivery).toBe('none');
    await page.reload();
    await hydrated(page);
    await expect(page.locator('#preferences').getByLabel('Minutes approved')).toHaveValue('none');
  });

  test('the regular representative cannot turn research requests off', async ({ page }) => {
    await signIn(page, 'police@demo.test');
    await page.goto('/account');
    await hydrated(page);
    const research = page.locator('#pref-research_due');
    await expect(research.locator('option')).toHaveCount(2);
    await expect(page.getByText('Required: you are your agency\'s regular representative.').first()).toBeVisible();
  });

  test('the admin sees the outbox without a mail server configured', async ({ page }) => {
    await signIn(page, 'admin@demo.test');
    await page.goto('/outbox');
    await hydrated(page);
    await expect(page.getByRole('heading', { name: 'Outbox' })).toBeVisible();
    await expect(page.getByText('No mail server is configured (CONVENE_SMTP_URL)')).toBeVisible();
  });
});

test.describe('in Romanian', () => {
  test.use({ locale: 'ro-RO', extraHTTPHeaders: { 'Accept-Language': 'ro-RO' } });
  test('the choices on the account page read in Romanian', async ({ page }) => {
    await page.goto('/sign-in');
    await hydrated(page);
    await page.getByLabel('Adresa de e-mail').fill('probation@demo.test');
    await page.getByLabel('Parola', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Autentificare' }).click();
    await expect(page.getByRole('button', { name: 'Deconectare' })).toBeVisible();
    await page.goto('/account');
    await hydrated(page);
    await expect(page.getByRole('heading', { name: 'Ce vă trimite Convene pe e-mail' })).toBeVisible();
    await expect(page.locator('#pref-agenda_published option:checked')).toHaveText('Rezumat zilnic');
  });
});
