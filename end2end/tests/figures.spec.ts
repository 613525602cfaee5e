import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './helpers';

test('the coordinator opens the quarter\'s case figures and follows a figure to its cases', async ({ page }) => {
  await signIn(page, 'coordinator@demo.test');
  await page.goto('/reports');
  await page.getByRole('link', { name: 'Case figures and the data return' }).click();
  await expect(page).toHaveURL(/\/reports\/cases$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Case figures' })).toBeVisible();
  const row = page.locator('tr[data-figure="referrals"]');
  const count = Number(await row.getByRole('link').innerText());
  expect(count).toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: 'Download the data return (for publication)' })).toHaveAttribute('href', /data-return\.csv\?from=.*&version=publication/);
  await row.getByRole('link').click();
  await expect(page).toHaveURL(/\/reports\/cases\/list\?.*figure=referrals/);
  await expect(page.getByRole('heading', { level: 2, name: 'Referrals' })).toBeVisible();
  const cases = page.locator('.figure-cases li a');
  expect(await cases.count()).toBeGreaterThan(0);
  await expect(cases.first()).toHaveText(/^C-\d{4}-\d{4}$/);
  await cases.first().click();
  await expect(page).toHaveURL(/\/cases\/\d+$/);
});

test('the coordinator records the figures of a case from its page', async ({ page }) => {
  await signIn(page, 'coordinator@demo.test');
  const cases = await (await page.request.get('/api/v1/cases')).json();
  const open = cases.find((c: any) => c.status !== 'closed');
  await page.goto(`/cases/${open.id}`);
  await hydrated(page);
  const section = page.locator('details.figures-section');
  await section.locator('summary').click();
  await section.getByLabel('Residence').selectOption('rural');
  await section.getByLabel('Relationship to the perpetrator').selectOption('ex_partner');
  await section.getByLabel('Coercive control').check();
  await section.getByLabel('Children in the household').fill('3');
  await section.getByRole('button', { name: 'Save the figures' }).click();
  await expect(section.getByRole('status')).toContainText('The figures were saved');
  const saved = await (await page.request.get(`/api/v1/cases/${open.id}/figures`)).json();
  expect(saved.figures.residence).toBe('rural');
  expect(saved.figures.relationship).toBe('ex_partner');
  expect(saved.figures.violence).toContain('coercive_control');
  expect(saved.figures.children_in_household).toBe(3);
  // A wrong number is named beside its field.
  await section.getByLabel('Children in the household').fill('25');
  await section.getByRole('button', { name: 'Save the figures' }).click();
  await expect(section.locator('.field__error')).toContainText('from 0 to 20');
});
