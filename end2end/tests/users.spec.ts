import { test, expect } from '@playwright/test';
import { signIn, unique } from './helpers';

test.describe('managing members', () => {
  test('the coordinator adds a member, the chair confirms, and the member signs in with the password the chair was shown', async ({ page, browser }) => {
    const name = unique('Dana Pop');
    const email = `${name.split(' ').pop()}@shelter.example`;
    await signIn(page, 'coordinator@demo.test');
    await page.goto('/users');
    await page.getByRole('link', { name: 'Add a user' }).click();
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Role').selectOption({ label: 'Member' });
    await page.getByLabel('Represents the agency at meetings').selectOption({ label: 'Deputy' });
    await page.getByLabel('Agency', { exact: true }).selectOption({ label: "Women's Shelter" });
    await page.getByRole('button', { name: 'Add user' }).click();

    // A member reads case data: nobody alone creates one, and the coordinator gets no password.
    await expect(page.getByRole('status')).toContainText('waits until a second person confirms it');
    await expect(page.getByTestId('initial-password')).toHaveCount(0);

    // The coordinator may not hand out powers above a member's.
    await expect(page.getByLabel('Role').locator('option')).toHaveText(['Choose…', 'Member', 'Observer']);

    // The list of users shows that the account waits for a second person.
    await page.goto('/users');
    await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Awaiting confirmation');

    const chairContext = await browser.newContext();
    const chairPage = await chairContext.newPage();
    await signIn(chairPage, 'chair@demo.test');
    const request = chairPage.getByTestId('access-request').filter({ hasText: name });
    await expect(request).toContainText('New account');
    await request.getByRole('button', { name: 'Confirm' }).click();
    const password = await chairPage.getByTestId('one-time-password').textContent();
    expect(password?.length).toBeGreaterThanOrEqual(12);
    await chairContext.close();

    const other = await browser.newContext();
    const memberPage = await other.newPage();
    await signIn(memberPage, email, password!);
    await expect(memberPage.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${name}`);
    await expect(memberPage.getByRole('list').getByText('was confirmed and applies now')).toBeVisible();
    await memberPage.goto('/agencies');
    await expect(memberPage.getByRole('row', { name: /Women's Shelter/ })).toContainText(name);
    await other.close();
  });
});

test.describe('access', () => {
  test('a member sees no admin links and cannot open the admin pages', async ({ page }) => {
    await signIn(page, 'police@demo.test');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Agencies' })).toBeVisible();
    await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    for (const path of ['/users', '/users/new', '/audit', '/settings']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to this page');
    }
  });

  test('the chair sees changes in the audit log', async ({ page }) => {
    await signIn(page, 'chair@demo.test');
    // Arrive by the menu, so the page loads its data through the browser as well.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    await expect(page.getByRole('row', { name: /sign_in/ }).first()).toBeVisible();
    await page.getByLabel('Record type').selectOption({ label: 'Agencies' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/entity=agency/);
    await expect(page.getByRole('row', { name: /sign_in/ })).toHaveCount(0);
  });
});
