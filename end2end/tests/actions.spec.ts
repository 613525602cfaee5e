import { test, expect } from '@playwright/test';
import { hydrated, signIn, unique } from './helpers';

test.describe('following up actions', () => {
  test('a member moves their action on with a reason and the chair sees it on the next agenda', async ({ page }) => {
    const words = unique('Visit the victim with the advocate');
    await signIn(page, 'coordinator@demo.test');
    await page.goto('/cases?status=active');
    await page.locator('tbody tr').first().getByRole('link').first().click();
    await hydrated(page);
    const reference = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    const agree = page.getByRole('region', { name: 'Agree an action' });
    await agree.getByLabel('Agency').selectOption({ label: 'County Police Inspectorate' });
    await agree.getByLabel('Kind of action').selectOption({ label: 'Safety planning' });
    await agree.getByLabel('What is to be done').fill(words);
    await agree.getByLabel('Due by').fill('2026-12-01');
    await agree.getByRole('button', { name: 'Agree action' }).click();
    await expect(agree.getByRole('status')).toContainText('Action agreed for County Police Inspectorate');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

    await signIn(page, 'police@demo.test');
    await expect(page.getByRole('region', { name: "Your agency's open actions" })).toContainText(reference);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Actions' }).click();
    await hydrated(page);
    const row = page.locator('.actions__item', { hasText: words });
    await row.getByRole('button', { name: 'Update this action' }).click();
    await row.getByLabel(/^New due date/).fill('2026-12-20');
    await row.getByLabel(/^Why/).fill('The advocate is away until mid-December');
    await row.getByRole('button', { name: 'Save update' }).click();
    await expect(row.getByRole('status')).toContainText('Action updated.');
    await expect(row).toContainText('due 20 Dec 2026');
    await row.getByRole('button', { name: 'Show history' }).click();
    await expect(row.locator('.history')).toContainText('because: The advocate is away until mid-December');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

    await signIn(page, 'chair@demo.test');
    await page.goto('/meetings');
    await page.locator('tbody tr', { hasText: 'Agenda in preparation' }).first().getByRole('link').click();
    await hydrated(page);
    await page.getByRole('button', { name: 'Build the agenda' }).click();
    const brought = page.locator('.agenda__actions li', { hasText: words });
    await expect(brought).toContainText(reference);
    await expect(brought).toContainText('County Police Inspectorate');
    await expect(brought).toContainText('The advocate is away until mid-December');
  });

  test('the guard explains why a perpetrator cannot be sent to anger management', async ({ page }) => {
    await signIn(page, 'coordinator@demo.test');
    await page.goto('/cases/3');
    await hydrated(page);
    const agree = page.getByRole('region', { name: 'Agree an action' });
    await agree.getByLabel('Agency').selectOption({ label: 'Probation Service' });
    await agree.getByLabel('Kind of action').selectOption({ label: 'Perpetrator programme referral' });
    await agree.getByLabel('What is to be done').fill('Send him to anger management');
    await agree.getByLabel('Due by').fill('2026-12-15');
    await agree.getByRole('button', { name: 'Agree action' }).click();
    await expect(agree.getByRole('alert')).toContainText('structured perpetrator programme');
  });
});
