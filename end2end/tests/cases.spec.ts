import { test, expect, Page } from '@playwright/test';
import { hydrated, signIn, unique } from './helpers';

async function answerChecklist(page: Page, yes: number) {
  for (let q = 1; q <= 24; q++) {
    await page.locator(`#q${q}-${q <= yes ? 'yes' : 'no'}`).check();
  }
}

test.describe('referring a case', () => {
  test('a member fills the referral form, sees the criteria, and lands on the new case', async ({ page }) => {
    const victim = unique('Ana Referral');
    await signIn(page, 'police@demo.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cases' }).click();
    await expect(page.locator('tbody tr').first()).toBeVisible();
    await page.getByRole('link', { name: 'Refer a case' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Refer a case' })).toBeVisible();

    await page.getByLabel('Date of the referral').fill('2026-01-15');
    await expect(page.getByLabel('Referring agency')).toHaveValue(/\d+/);
    await page.getByLabel("Victim's full name").fill(victim);
    await page.getByLabel("Victim's date of birth").fill('1994-02-03');
    await page.getByRole('group', { name: 'Is it safe to contact the victim?' }).getByLabel('No').check();
    await page.getByLabel('Child 1 initials').fill('MP');
    await page.getByLabel('Age', { exact: true }).first().fill('4');

    const summary = page.getByRole('complementary');
    await answerChecklist(page, 13);
    await expect(summary).toContainText('13 “yes” of 24');
    await expect(summary.locator('.criterion--met')).toHaveCount(0);
    await expect(summary).toContainText('meets none of the criteria');

    await page.locator('#q14-yes').check();
    await expect(summary).toContainText('14 “yes” of 24');
    await expect(summary.locator('.criterion--met')).toContainText('Visible high risk');

    await page.getByLabel('Incidents known in the last 12 months').fill('1');
    await page.getByRole('group', { name: 'Was the victim informed of the referral?' }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'Did the victim consent to sharing information with the group?' }).getByLabel('Given').check();
    await page.getByLabel("The victim's views and wishes").fill('Wants to stay at her sister\'s until the hearing.');
    await page.getByRole('button', { name: 'Submit referral' }).click();

    await expect(page.getByRole('status')).toContainText('The case has been opened');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^C-\d{4}-\d{4}$/);
    await expect(page.getByRole('table').first()).toContainText('14 of 24');
    // The name is nowhere on the page until asked for, with a reason.
    await expect(page.locator('body')).not.toContainText(victim);
    const nameRow = page.locator('.summary-list div', { hasText: "Victim's name" });
    await nameRow.getByRole('button', { name: 'Show (reason needed)' }).click();
    await nameRow.getByRole('button', { name: 'Show' }).click();
    await expect(nameRow).toContainText('Say why you need to see this detail');
    await nameRow.getByLabel('Why do you need to see it?').fill('Arranging the safety plan call');
    await nameRow.getByRole('button', { name: 'Show' }).click();
    await expect(nameRow.locator('.revealed')).toHaveText(victim);
  });

  test('a referral with mistakes is refused with each problem named and nothing saved', async ({ page }) => {
    await signIn(page, 'police@demo.test');
    await page.goto('/cases/new');
    await hydrated(page);
    await page.getByRole('button', { name: 'Submit referral' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('There is a problem');
    await expect(summary.getByRole('link', { name: "Enter the victim's full name." })).toBeVisible();
    await expect(summary.getByRole('link', { name: /Answer all 24 questions/ })).toBeVisible();
    await summary.getByRole('link', { name: "Enter the victim's full name." }).click();
    await expect(page.getByLabel("Victim's full name")).toBeFocused();
  });

  test('a member of an uninvolved agency gets the same page for a hidden case as for a missing one', async ({ page }) => {
    await signIn(page, 'probation@demo.test');
    const visible: { id: number }[] = await (await page.request.get('/api/v1/cases')).json();
    const ids = new Set(visible.map((c) => c.id));
    const hidden = [...Array(40).keys()].map((i) => i + 1).find((id) => !ids.has(id));
    expect(hidden).toBeDefined();
    await page.goto('/cases');
    await expect(page.locator('tbody tr')).toHaveCount(visible.length);

    const response = await page.goto(`/cases/${hidden}`);
    expect(response?.status()).toBe(404);
    const hiddenText = await page.locator('main').innerText();
    const missing = await page.goto('/cases/999999');
    expect(missing?.status()).toBe(404);
    expect(await page.locator('main').innerText()).toBe(hiddenText);
  });
});
