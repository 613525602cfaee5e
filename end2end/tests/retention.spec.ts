import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './helpers';

test.describe('retention', () => {
  test('closing a case asks for a reason', async ({ page }) => {
    await signIn(page, 'chair@demo.test');
    await page.goto('/cases?status=active');
    // The last one: other specs take the first active case.
    await page.locator('tbody tr').last().getByRole('link').first().click();
    await hydrated(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^C-\d{4}-\d{4}$/);
    const manage = page.getByRole('region', { name: 'Manage the case' });
    await manage.getByLabel('Status', { exact: true }).selectOption('closed');
    await manage.getByRole('button', { name: 'Save case' }).click();
    await expect(manage.locator('#closing_reason').locator('..')).toContainText('Say why the case is closed');
    await expect(manage.getByRole('status')).toHaveCount(0);

    await manage.getByLabel(/^Reason for closing/).fill('Risk reduced; she moved to another county.');
    await manage.getByRole('button', { name: 'Save case' }).click();
    await expect(manage.getByRole('status')).toContainText('Case updated.');
    await expect(manage.getByLabel('Status', { exact: true })).toHaveValue('closed');
  });

  test('the settings page shows the retention periods and names a bad one', async ({ page }) => {
    await signIn(page, 'admin@demo.test');
    await page.goto('/settings');
    await hydrated(page);
    const cases = page.getByLabel('Months a closed case is kept before its personal data is erased');
    const audit = page.getByLabel('Months audit log entries are kept');
    await expect(cases).toHaveValue('72');
    await expect(audit).toHaveValue('84');
    await audit.fill('60');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.locator('.field', { has: audit })).toContainText('at least as long as closed cases');
    await audit.fill('96');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toContainText('Settings saved.');
    await page.reload();
    await expect(page.getByLabel('Months audit log entries are kept')).toHaveValue('96');
    // Put it back for the other tests sharing this server.
    await hydrated(page);
    await page.getByLabel('Months audit log entries are kept').fill('84');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status')).toContainText('Settings saved.');
  });
});
