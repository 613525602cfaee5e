import { test, expect } from '@playwright/test';
import { DEMO_PASSWORD, hydrated, signIn } from './helpers';

test.describe('signing in', () => {
  test('the demo coordinator signs in and sees the home page with their name', async ({ page }) => {
    await signIn(page, 'coordinator@demo.test');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Elena Rusu');
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Coordinator');
  });

  test('a wrong password shows a clear message and keeps the email', async ({ page }) => {
    await page.goto('/sign-in');
    await hydrated(page);
    await page.getByLabel('Email address').fill('chair@demo.test');
    await page.getByLabel('Password', { exact: true }).fill('this is not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('There is a problem');
    await expect(summary).toContainText('The email address or password is not right.');
    await expect(page.getByLabel('Email address')).toHaveValue('chair@demo.test');
  });

  test('the show-password button reveals the password once the page is interactive', async ({ page }) => {
    await page.goto('/sign-in');
    await hydrated(page);
    const password = page.getByLabel('Password', { exact: true });
    await password.fill('secret words');
    await expect(password).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: 'Show password' }).click();
    await expect(password).toHaveAttribute('type', 'text');
    await expect(page.getByRole('button', { name: 'Hide password' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('signing out returns to the sign-in page and the pages are closed again', async ({ page }) => {
    await signIn(page, 'observer@demo.test');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await page.goto('/agencies');
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test('the chair browses the agency directory', async ({ page }) => {
    await signIn(page, 'chair@demo.test', DEMO_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agencies' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Agencies' })).toBeVisible();
    const police = page.getByRole('row', { name: /County Police Inspectorate/ });
    await expect(police).toContainText('Andrei Marin');
    await police.getByRole('link', { name: 'County Police Inspectorate' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('County Police Inspectorate');
  });
});
