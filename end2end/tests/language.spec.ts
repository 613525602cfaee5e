import { test, expect, Page } from '@playwright/test';
import { DEMO_PASSWORD, hydrated, signIn, unique } from './helpers';

test.describe('language', () => {
  test.use({ locale: 'ro-RO' });

  test('the sign-in page follows a Romanian browser, and the switch turns it to English', async ({ page }) => {
    await page.goto('/sign-in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Autentificare');
    await hydrated(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: 'Română' })).toBeEnabled();
  });

  test('a member signs in in Romanian and is told of a mistake in Romanian', async ({ page }) => {
    await page.goto('/sign-in');
    await hydrated(page);
    await page.getByLabel('Adresa de e-mail').fill('police@demo.test');
    await page.getByLabel('Parola', { exact: true }).fill('this is not the password');
    await page.getByRole('button', { name: 'Autentificare' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toContainText('Există o problemă');
    await expect(summary).toContainText('Adresa de e-mail sau parola nu este corectă.');
    await page.getByLabel('Parola', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Autentificare' }).click();
    await expect(page.getByRole('button', { name: 'Deconectare' })).toBeVisible();
    await page.getByRole('link', { name: 'Contul dumneavoastră' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Limba' })).toBeVisible();
  });
});

/** Signs in on the sign-in page as a Romanian browser shows it. */
async function signInRomanian(page: Page, email: string) {
  await page.goto('/sign-in');
  await hydrated(page);
  await page.getByLabel('Adresa de e-mail').fill(email);
  await page.getByLabel('Parola', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Autentificare' }).click();
  await expect(page.getByRole('button', { name: 'Deconectare' })).toBeVisible();
  await hydrated(page);
}

test.describe('working in Romanian', () => {
  test('a member switches to Romanian on their account and refers a case in Romanian', async ({ page }) => {
    // social@ is no other test's member: the language chosen here stays on the account.
    await signIn(page, 'social@demo.test');
    await page.getByRole('link', { name: 'Your account' }).click();
    await hydrated(page);
    await page.getByRole('button', { name: 'Română' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contul dumneavoastră');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ro');

    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Cazuri' }).click();
    await page.getByRole('link', { name: 'Trimiteți un caz' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Trimiteți un caz' })).toBeVisible();
    await hydrated(page);
    await page.getByLabel('Data trimiterii').fill('2026-11-20');
    await page.getByLabel('Numele complet al victimei').fill(unique('Maria Trimitere'));
    await page.getByLabel('Data nașterii victimei').fill('1991-05-06');
    await page.getByRole('group', { name: 'Victima poate fi contactată în siguranță?' }).getByLabel('Da').check();
    const summary = page.getByRole('complementary');
    for (let q = 1; q <= 24; q++) {
      await page.locator(`#q${q}-${q <= 15 ? 'yes' : 'no'}`).check();
    }
    await expect(summary).toContainText('„Da”: 15 din 24');
    await expect(summary.locator('.criterion--met')).toContainText('Risc ridicat vizibil');
    await page.getByLabel('Incidente cunoscute în ultimele 12 luni').fill('2');
    await page.getByRole('group', { name: 'Victima a fost informată despre trimitere?' }).getByLabel('Da').check();
    await page.getByRole('group', { name: 'Și-a dat victima acordul pentru transmiterea informațiilor către grup?' }).getByLabel('Dat').check();
    await page.getByRole('button', { name: 'Transmiteți trimiterea' }).click();

    await expect(page.getByRole('status')).toContainText('Cazul a fost deschis');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^C-\d{4}-\d{4}$/);
    await expect(page.locator('main')).toContainText('15 din 24');
  });

  test('the chair runs the live meeting in Romanian and a member follows it', async ({ browser }) => {
    const chair = await (await browser.newContext({ locale: 'ro-RO' })).newPage();
    const member = await (await browser.newContext({ locale: 'ro-RO' })).newPage();
    await signInRomanian(chair, 'chair@demo.test');
    await signInRomanian(member, 'advocate@demo.test');
    const day = 1 + Math.floor(Math.random() * 27);
    const startsAt = `2046-0${1 + Math.floor(Math.random() * 9)}-${String(day).padStart(2, '0')}T1${Math.floor(Math.random() * 8)}:${String(Math.floor(Math.random() * 60)).padStart(2, '0')}`;
    const m = await chair.request.post('/api/v1/meetings', { data: { starts_at: startsAt, duration_minutes: 180 } });
    expect(m.ok()).toBeTruthy();
    const id = (await m.json()).id as number;
    expect((await chair.request.post(`/api/v1/meetings/${id}/agenda/build`)).ok()).toBeTruthy();
    expect((await chair.request.post(`/api/v1/meetings/${id}/publish`)).ok()).toBeTruthy();

    for (const page of [chair, member]) {
      await page.goto(`/meetings/${id}/live`);
      await hydrated(page);
      await page.getByRole('button', { name: 'Am înțeles și voi păstra confidențialitatea' }).click();
      await expect(page.getByRole('heading', { level: 1, name: /Ședința din/ })).toBeVisible();
      await hydrated(page);
      await expect(page.locator('.live__conn')).toHaveAttribute('data-conn', 'open');
      await expect(page.locator('.live__conn')).toContainText('Conectat');
    }
    const memberCurrent = member.getByRole('region', { name: 'Punctul curent' });
    await expect(memberCurrent).toContainText('Ședința nu a început încă');
    await expect(chair.getByRole('region', { name: 'Conectați acum' })).toBeVisible();

    await chair.getByRole('button', { name: 'Începeți ședința' }).click();
    await expect(memberCurrent.getByRole('heading', { level: 2 })).toHaveText('Cuvânt de deschidere și declarația de confidențialitate');
    await chair.getByRole('button', { name: 'Punctul următor' }).click();
    await expect(memberCurrent.getByRole('heading', { level: 2 })).toHaveText('Minuta ședinței anterioare');
    // The timer's words and a refusal come in Romanian too.
    await chair.getByRole('button', { name: 'Porniți cronometrul' }).click();
    await expect(chair.getByRole('button', { name: 'Opriți cronometrul' })).toBeVisible();
    await chair.getByRole('button', { name: 'Punctul anterior' }).click();
    await chair.getByRole('button', { name: 'Punctul anterior' }).click();
    await expect(chair.getByRole('alert').first()).toContainText('Acesta este primul punct.');
    await expect(member.locator('body')).not.toContainText('Meeting of');
  });
});
