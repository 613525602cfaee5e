import { test, expect, Page } from '@playwright/test';
import { hydrated, signIn } from './helpers';

// Meetings far beyond the demo's and the other specs', each test on its own days.
async function schedule(page: Page, startsAt: string): Promise<number> {
  const r = await page.request.post('/api/v1/meetings', {
    data: { starts_at: startsAt, duration_minutes: 120, place: 'Room 4' },
  });
  expect(r.status()).toBe(201);
  return (await r.json()).id;
}

test.describe('meetings over time', () => {
  test('the coordinator cancels a meeting with a reason and its cases appear on the next meeting', async ({ page }) => {
    await signIn(page, 'coordinator@demo.test');
    const cancelled = await schedule(page, '2033-02-01T10:00');
    const next = await schedule(page, '2033-03-01T10:00');
    const built = await page.request.post(`/api/v1/meetings/${cancelled}/agenda/build`);
    expect(built.status()).toBe(200);
    const item = (await built.json()).items.find((i: { reference?: string }) => i.reference);
    expect(item, 'the demo has cases to discuss').toBeTruthy();

    await page.goto('/meetings');
    await hydrated(page);
    await page.locator('#cancel-id').selectOption(String(cancelled));
    await page.locator('#cancel-reason').fill('The chair is ill');
    await page.getByRole('button', { name: 'Cancel the meeting' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The meeting was cancelled' })).toBeVisible();
    await expect(page.getByRole('table').first()).toContainText('The chair is ill');

    await page.goto(`/meetings/${next}`);
    await expect(page.locator('main')).toContainText(item.reference);
  });

  test('the coordinator moves a meeting', async ({ page }) => {
    await signIn(page, 'coordinator@demo.test');
    const id = await schedule(page, '2033-04-05T10:00');
    await page.goto('/meetings');
    await hydrated(page);
    await page.locator('#move-id').selectOption(String(id));
    await page.locator('#move-starts_at').fill('2033-04-12T11:00');
    await page.locator('#move-reason').fill('The room is booked');
    await page.getByRole('button', { name: 'Move the meeting' }).click();
    const done = page.getByRole('status').filter({ hasText: 'The meeting was moved' });
    await expect(done).toContainText('12 Apr 2033, 11:00');
  });
});
