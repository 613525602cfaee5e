import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './helpers';

test.describe('running a meeting', () => {
  test('the coordinator builds and publishes an agenda, holds the meeting, and the chair approves the minutes', async ({ page }) => {
    await signIn(page, 'coordinator@demo.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();

    await page.getByLabel('Starts', { exact: true }).fill('2032-01-13T10:00');
    await page.locator('#place').fill('City Hall, Room 7');
    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    await page.getByRole('status').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meeting of 13 Jan 2032, 10:00 GMT');
    await hydrated(page);
    await expect(page.getByRole('note')).toContainText('RESTRICTED — do not share without the agreement of the agencies concerned');
    await expect(page.getByRole('note')).toContainText('Viewed by Elena Rusu');

    await page.getByRole('button', { name: 'Build the agenda' }).click();
    const agenda = page.locator('ol.agenda');
    await expect(agenda.locator('li').first()).toContainText('Welcome and confidentiality statement');
    await expect(agenda.locator('li').last()).toContainText('Any other business');
    await expect(page.getByText(/Expected to end at/)).toBeVisible();

    await page.getByRole('button', { name: 'Publish the agenda' }).click();
    await expect(page.getByText('Agenda published', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Start the meeting' }).click();
    await expect(page.getByText('In session', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'I understand and will keep it confidential' }).click();
    await expect(page.getByRole('button', { name: 'I understand and will keep it confidential' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Close the meeting' }).click();
    await expect(page.getByText('Held – minutes in preparation')).toBeVisible();

    await page.getByRole('navigation', { name: 'This meeting' }).getByRole('link', { name: 'Minutes' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Meeting and attendance' })).toBeVisible();
    await expect(page.getByRole('article')).toContainText('Elena Rusu');
    await hydrated(page);
    await page.getByRole('button', { name: 'Circulate for review' }).click();
    await expect(page.getByRole('status').first()).toContainText('Circulated for review');
    const minutesUrl = page.url();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await signIn(page, 'chair@demo.test');
    await page.goto(minutesUrl);
    await hydrated(page);
    await page.getByRole('button', { name: 'Approve the minutes' }).click();
    await expect(page.getByRole('status').first()).toContainText('Approved');
    await expect(page.getByRole('status').first()).toContainText('approved by Maria Popescu');
    await expect(page.getByRole('button', { name: 'Edit this section' })).toHaveCount(0);
  });

  test('a member sends research for a case on a published agenda', async ({ page }) => {
    await signIn(page, 'coordinator@demo.test');
    await page.goto('/meetings');
    await hydrated(page);
    // Before the meeting the other test holds, so its cases are still new here whatever the order.
    await page.getByLabel('Starts', { exact: true }).fill('2031-03-11T10:00');
    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    await page.getByRole('status').getByRole('link').click();
    await hydrated(page);
    await page.getByRole('button', { name: 'Build the agenda' }).click();
    await page.getByRole('button', { name: 'Publish the agenda' }).click();
    await expect(page.getByText('Agenda published', { exact: true })).toBeVisible();
    const meetingUrl = page.url();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

    await signIn(page, 'probation@demo.test');
    await page.goto(meetingUrl + '/research');
    await hydrated(page);
    await page.getByRole('region', { name: 'Cases on the agenda' }).getByRole('link').first().click();
    await hydrated(page);
    await page.getByLabel('Information (write it below)').check();
    await page.getByLabel('What your agency holds').fill('On licence until **2027**; last contact 3 weeks ago.');
    await page.getByRole('button', { name: 'Save research' }).click();
    await expect(page.getByText('Research saved.')).toBeVisible();
    const mine = page.locator('.returns__item', { hasText: 'Probation Service' });
    await expect(mine.locator('strong')).toHaveText('2027');
  });
});
