import { test, expect, Page, APIRequestContext } from '@playwright/test';
import { signIn, unique } from './helpers';

const DOB = '1987-06-05';

/** Refers `victim` through the API for the signed-in member's agency; the new case. */
async function referAs(request: APIRequestContext, agencyName: string, victim: string) {
  const agencies = await (await request.get('/api/v1/agencies')).json();
  const agency = agencies.find((a: { name: string }) => a.name === agencyName);
  const checklist = Array.from({ length: 24 }, (_, i) => (i < 15 ? 'yes' : 'no'));
  const res = await request.post('/api/v1/cases', {
    data: {
      referred_on: '2026-01-10', referring_agency_id: agency.id, checklist, incidents_last_12_months: 0,
      victim: { name: victim, date_of_birth: DOB, safe_to_contact: true },
      children: [], consent: { victim_informed: 'yes', consent_to_share: 'given' },
    },
  });
  expect(res.ok()).toBeTruthy();
  return (await res.json()) as { id: number; reference: string };
}

async function newPage(browser: import('@playwright/test').Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test.describe('a referral of a victim the register knows', () => {
  test("a member's referral of a known victim shows only that it was received", async ({ browser }) => {
    const victim = unique('Rodica Known');
    const police = await newPage(browser, 'police@demo.test');
    const known = await referAs(police.request, 'County Police Inspectorate', victim);

    const page = await newPage(browser, 'health@demo.test');
    await page.goto('/cases/new');
    await page.getByLabel('Date of the referral').fill('2026-01-15');
    await expect(page.getByLabel('Referring agency')).toHaveValue(/\d+/);
    await page.getByLabel("Victim's full name").fill(victim);
    await page.getByLabel("Victim's date of birth").fill(DOB);
    await page.getByRole('group', { name: 'Is it safe to contact the victim?' }).getByLabel('No').check();
    for (let q = 1; q <= 24; q++) {
      await page.locator(`#q${q}-${q <= 15 ? 'yes' : 'no'}`).check();
    }
    const summary = page.getByRole('complementary');
    await expect(summary).toContainText('15 “yes” of 24');
    // The live check tells the criteria, never whether she is known.
    await expect(summary).not.toContainText('already has a case');
    await page.getByLabel('Incidents known in the last 12 months').fill('0');
    await page.getByRole('group', { name: 'Was the victim informed of the referral?' }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'Did the victim consent to sharing information with the group?' }).getByLabel('Given').check();
    await page.getByRole('button', { name: 'Submit referral' }).click();

    await expect(page.getByRole('status')).toContainText('Referral received');
    await expect(page.getByRole('status')).toContainText('links it to a known case if there is one');
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/^C-\d{4}-\d{4}$/);
    await expect(heading).not.toHaveText(known.reference);
    await expect(page.locator('body')).not.toContainText(known.reference);
    await expect(page.locator('body')).not.toContainText('already had a case');
  });

  test('the coordinator confirms a pending match from the home page', async ({ browser }) => {
    const victim = unique('Georgeta Pending');
    const police = await newPage(browser, 'police@demo.test');
    const known = await referAs(police.request, 'County Police Inspectorate', victim);
    const health = await newPage(browser, 'health@demo.test');
    const provisional = await referAs(health.request, 'County Emergency Hospital', victim);
    expect(provisional.reference).not.toBe(known.reference);
    // The hospital cannot read the known case before the match is confirmed.
    expect((await health.request.get(`/api/v1/cases/${known.id}`)).status()).toBe(404);

    const page = await newPage(browser, 'coordinator@demo.test');
    const list = page.getByTestId('pending-matches');
    await expect(list).toBeVisible();
    const row = list.getByTestId('pending-match').filter({ hasText: provisional.reference });
    await expect(row).toContainText(known.reference);
    await expect(row).toContainText('County Emergency Hospital');
    await row.getByRole('button', { name: 'Same person: link' }).click();
    await expect(list.getByRole('status')).toContainText(`Linked: the referral now belongs to ${known.reference}`);
    await expect(list.getByTestId('pending-match').filter({ hasText: provisional.reference })).toHaveCount(0);

    await page.goto(`/cases/${known.id}`);
    await expect(page.getByTestId('involved-agencies')).toContainText('County Emergency Hospital');
    expect((await health.request.get(`/api/v1/cases/${known.id}`)).status()).toBe(200);
    expect((await health.request.get(`/api/v1/cases/${provisional.id}`)).status()).toBe(404);
  });
});
