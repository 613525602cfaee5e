import { test, expect, APIRequestContext, Page } from '@playwright/test';
import { hydrated, signIn, unique } from './helpers';

/** A case referred by the police through the API; the victim is not safe to contact. */
async function referUnsafeCase(request: APIRequestContext, canary: string) {
  const agencies = await (await request.get('/api/v1/agencies')).json();
  const police = agencies.find((a: { name: string }) => a.name === 'County Police Inspectorate');
  const checklist = Array.from({ length: 24 }, (_, i) => (i < 15 ? 'yes' : 'no'));
  const res = await request.post('/api/v1/cases', {
    data: {
      referred_on: '2026-01-10', referring_agency_id: police.id, checklist, incidents_last_12_months: 0,
      victim: { name: unique('People Victim'), date_of_birth: '1990-01-01', safe_to_contact: false, safe_contact: canary },
      children: [], consent: { victim_informed: 'yes', consent_to_share: 'given' },
    },
  });
  expect(res.ok()).toBeTruthy();
  const body = await res.json();
  return { id: body.id as number, reference: body.reference as string };
}

async function openCase(page: Page, id: number) {
  await page.goto(`/cases/${id}`);
  await hydrated(page);
}

test.describe('who manages a case, and a victim not safe to contact', () => {
  test('the coordinator names the case manager from the case page', async ({ page, browser }) => {
    const police = await (await browser.newContext()).newPage();
    await signIn(police, 'police@demo.test');
    const { id } = await referUnsafeCase(police.request, unique('Canary Lane'));

    await signIn(page, 'coordinator@demo.test');
    await openCase(page, id);
    const people = page.getByTestId('case-people');
    await expect(people.getByTestId('case-manager')).toHaveText('Nobody yet');
    // Only the people of the agencies involved are offered: the police referred the case.
    const choice = people.getByLabel('Case manager');
    await expect(choice.locator('option', { hasText: 'Carmen Vlad' })).toHaveCount(0);
    await choice.selectOption({ label: 'Andrei Marin (County Police Inspectorate)' });
    await people.getByRole('button', { name: 'Save who manages the case' }).click();
    await expect(people.getByRole('status')).toContainText('Saved');
    await expect(people.getByTestId('case-manager')).toHaveText('Andrei Marin (County Police Inspectorate)');

    // Still named after a reload.
    await openCase(page, id);
    await expect(page.getByTestId('case-people').getByTestId('case-manager')).toHaveText('Andrei Marin (County Police Inspectorate)');
  });

  test('the "not safe to contact" warning shows on the case page and the live screen without details', async ({ browser }) => {
    const canary = unique('Canary Lane');
    const police = await (await browser.newContext()).newPage();
    await signIn(police, 'police@demo.test');
    const { id, reference } = await referUnsafeCase(police.request, canary);

    await openCase(police, id);
    const warning = police.getByTestId('not-safe-to-contact');
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('Not safe to contact');
    await expect(warning).not.toContainText(canary);
    await expect(police.locator('body')).not.toContainText(canary);

    const chair = await (await browser.newContext()).newPage();
    await signIn(chair, 'chair@demo.test');
    const day = 1 + Math.floor(Math.random() * 27);
    const m = await chair.request.post('/api/v1/meetings', {
      data: { starts_at: `2046-03-${String(day).padStart(2, '0')}T10:${String(Math.floor(Math.random() * 60)).padStart(2, '0')}`, duration_minutes: 180 },
    });
    expect(m.ok()).toBeTruthy();
    const meeting = (await m.json()).id as number;
    expect((await chair.request.post(`/api/v1/meetings/${meeting}/agenda/build`)).ok()).toBeTruthy();
    expect((await chair.request.post(`/api/v1/meetings/${meeting}/publish`)).ok()).toBeTruthy();

    for (const p of [chair, police]) {
      await p.goto(`/meetings/${meeting}/live`);
      await hydrated(p);
      await p.getByRole('button', { name: 'I understand and will keep it confidential' }).click();
      await expect(p.locator('.live__conn')).toHaveAttribute('data-conn', 'open');
    }
    await chair.getByRole('button', { name: 'Start the meeting' }).click();
    await chair.getByRole('button', { name: `Go to this item: ${reference}` }).click();
    const current = police.getByRole('region', { name: 'Current item' });
    await expect(current.getByRole('heading', { level: 2 })).toHaveText(reference);
    await expect(current.getByTestId('not-safe-to-contact')).toContainText('Not safe to contact');
    await expect(current).not.toContainText(canary);
    await expect(chair.getByRole('region', { name: 'Current item' }).getByTestId('not-safe-to-contact')).toBeVisible();
  });
});
