import { expect, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../playwright.config';

export { DEMO_PASSWORD };

/** Waits until the page's wasm has taken over the server-rendered HTML. */
export async function hydrated(page: Page) {
  await page.waitForSelector('body[data-hydrated]', { timeout: 30_000 });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/sign-in');
  await hydrated(page);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Welcome/ })).toBeVisible();
  await hydrated(page);
}

/** A name no other test (or earlier run) uses. */
export function unique(prefix: string) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
