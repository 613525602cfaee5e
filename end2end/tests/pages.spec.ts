import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './helpers';

test.describe('every page', () => {
  test('loads and hydrates without script errors, server errors or content-security-policy violations', async ({ page }) => {
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await signIn(page, 'admin@demo.test');
    for (const path of ['/', '/agencies', '/agencies/new', '/agencies/1', '/users', '/users/new', '/users/1', '/audit', '/settings', '/account']) {
      await page.goto(path);
      await hydrated(page);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // A server error on the page (e.g. a server function that lost the request's context).
      await expect(page.locator('.notice--error'), path).toHaveCount(0);
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await signIn(page, 'coordinator@demo.test');
    for (const path of ['/cases', '/cases?status=active', '/cases/new', '/cases/1', '/cases/1/refer', '/meetings', '/meetings/15', '/meetings/15/minutes', '/meetings/15/attendance', '/meetings/16/research', '/actions', '/actions?overdue=true', '/reports', '/']) {
      await page.goto(path);
      await hydrated(page);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      // A server error on the page (e.g. a server function that lost the request's context).
      await expect(page.locator('.notice--error'), path).toHaveCount(0);
    }
    expect(problems).toEqual([]);
  });

  test('the skip link moves keyboard users to the main content', async ({ page }) => {
    await signIn(page, 'observer@demo.test');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
  });
});
