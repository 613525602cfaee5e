import { test, expect } from '@playwright/test';
import { hydrated, signIn, unique } from './helpers';

test.describe('managing agencies', () => {
  test('the coordinator adds an agency and finds it in the directory', async ({ page }) => {
    const name = unique('Housing Advice Office');
    await signIn(page, 'coordinator@demo.test');
    await page.goto('/agencies');
    await page.getByRole('link', { name: 'Add an agency' }).click();
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Kind of agency').selectOption({ label: 'Social services' });
    await page.getByLabel('Contact email').fill('advice@housing.example');
    await page.getByRole('button', { name: 'Add agency' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByRole('status')).toContainText('Agency saved.');
    await page.getByRole('link', { name: 'Back to agencies' }).click();
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('advice@housing.example');
  });

  test("an agency marked children's services only shows the badge until it is unmarked", async ({ page }) => {
    const name = unique('Child Advocacy Centre');
    await signIn(page, 'coordinator@demo.test');
    await page.goto('/agencies/new');
    await hydrated(page);
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Kind of agency').selectOption({ label: 'Child protection' });
    await page.getByLabel("Children's services only").check();
    await page.getByRole('button', { name: 'Add agency' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.locator('.summary-list')).toContainText("Children's services only");
    await page.getByRole('link', { name: 'Back to agencies' }).click();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText("Children's services only");

    await row.getByRole('link', { name }).click();
    await expect(page.getByLabel("Children's services only")).toBeChecked();
    await page.getByLabel("Children's services only").uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status')).toContainText('Agency saved.');
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.locator('.summary-list')).not.toContainText("Children's services only");
    await expect(page.getByLabel("Children's services only")).not.toBeChecked();
  });

  test('a form with mistakes lists them at the top and keeps what was typed', async ({ page }) => {
    await signIn(page, 'coordinator@demo.test');
    await page.goto('/agencies/new');
    // Clicked before the script has taken over, the form would post without it.
    await hydrated(page);
    await page.getByLabel('Contact email').fill('not an email');
    await page.getByRole('button', { name: 'Add agency' }).click();
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('link', { name: "Enter the agency's name." })).toBeVisible();
    await expect(summary.getByRole('link', { name: 'Choose the kind of agency from the list.' })).toBeVisible();
    await expect(page.getByLabel('Contact email')).toHaveValue('not an email');
    await summary.getByRole('link', { name: "Enter the agency's name." }).click();
    await expect(page.getByLabel('Name')).toBeFocused();
  });
});
