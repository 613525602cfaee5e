import { test, expect, Page, APIRequestContext, WebSocketRoute } from '@playwright/test';
import { hydrated, signIn, unique } from './helpers';

/** A new case referred by the police, through the API (the referral form has its own tests). */
async function referCase(request: APIRequestContext) {
  const agencies = await (await request.get('/api/v1/agencies')).json();
  const police = agencies.find((a: { name: string }) => a.name === 'County Police Inspectorate');
  const checklist = Array.from({ length: 24 }, (_, i) => (i < 15 ? 'yes' : 'no'));
  const res = await request.post('/api/v1/cases', {
    data: {
      referred_on: '2026-01-10', referring_agency_id: police.id, checklist, incidents_last_12_months: 0,
      victim: { name: unique('Live Victim'), date_of_birth: '1990-01-01', safe_to_contact: true },
      children: [], consent: { victim_informed: 'yes', consent_to_share: 'given' },
    },
  });
  expect(res.ok()).toBeTruthy();
  return (await res.json()).reference as string;
}

/** A meeting far ahead with its agenda built and published, through the API. */
async function publishedMeeting(request: APIRequestContext) {
  const day = 1 + Math.floor(Math.random() * 27);
  const month = 1 + Math.floor(Math.random() * 12);
  const startsAt = `2045-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(8 + Math.floor(Math.random() * 8)).padStart(2, '0')}:${String(Math.floor(Math.random() * 60)).padStart(2, '0')}`;
  const m = await request.post('/api/v1/meetings', { data: { starts_at: startsAt, duration_minutes: 180 } });
  expect(m.ok()).toBeTruthy();
  const id = (await m.json()).id as number;
  expect((await request.post(`/api/v1/meetings/${id}/agenda/build`)).ok()).toBeTruthy();
  expect((await request.post(`/api/v1/meetings/${id}/publish`)).ok()).toBeTruthy();
  return id;
}

async function openLive(page: Page, id: number) {
  await page.goto(`/meetings/${id}/live`);
  await hydrated(page);
  await page.getByRole('button', { name: 'I understand and will keep it confidential' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Meeting of/ })).toBeVisible();
  await hydrated(page);
  await expect(page.locator('.live__conn')).toHaveAttribute('data-conn', 'open');
}

test.describe('following a live meeting', () => {
  test('the member follows the chair, shares what they know, and both see the action agreed', async ({ browser }) => {
    const member = await (await browser.newContext()).newPage();
    const chair = await (await browser.newContext()).newPage();
    await signIn(member, 'police@demo.test');
    const reference = await referCase(member.request);
    await signIn(chair, 'chair@demo.test');
    const id = await publishedMeeting(chair.request);

    await openLive(chair, id);
    await openLive(member, id);
    const memberCurrent = member.getByRole('region', { name: 'Current item' });
    const chairCurrent = chair.getByRole('region', { name: 'Current item' });
    await expect(memberCurrent).toContainText('The meeting has not started yet');
    // Both appear as connected.
    await expect(chair.getByRole('region', { name: 'Connected now' })).toContainText('Andrei Marin');

    await chair.getByRole('button', { name: 'Start the meeting' }).click();
    await expect(memberCurrent.getByRole('heading', { level: 2 })).toHaveText('Welcome and confidentiality statement');
    await chair.getByRole('button', { name: 'Next item' }).click();
    await expect(memberCurrent.getByRole('heading', { level: 2 })).toHaveText('Minutes of the previous meeting');
    await chair.getByRole('button', { name: `Go to this item: ${reference}` }).click();
    await expect(memberCurrent.getByRole('heading', { level: 2 })).toHaveText(reference);
    await expect(member.locator('.live__item--current')).toContainText(reference);

    // The member shares what the police know; the chair's screen shows it.
    const shared = unique('Two call-outs this month');
    await memberCurrent.getByLabel('What your agency knows').fill(shared);
    await memberCurrent.getByRole('button', { name: 'Share' }).click();
    await expect(chairCurrent).toContainText(shared);
    await expect(chairCurrent).toContainText('County Police Inspectorate');
    await expect(memberCurrent.getByLabel('What your agency knows')).toHaveValue('');

    // The chair agrees an action; it appears on both screens.
    const action = unique('Visit with the advocate');
    await chairCurrent.getByLabel('Agency', { exact: true }).selectOption({ label: 'County Police Inspectorate' });
    await chairCurrent.getByLabel('Action', { exact: true }).fill(action);
    await chairCurrent.getByLabel('Due date').fill('2045-12-20');
    await chairCurrent.getByRole('button', { name: 'Agree action' }).click();
    await expect(chairCurrent.locator('.live__actions')).toContainText(action);
    await expect(memberCurrent.locator('.live__actions')).toContainText(action);

    // A reload shows the same state, rendered by the server.
    await member.reload();
    await expect(member.getByRole('region', { name: 'Current item' })).toContainText(shared);
  });

  test('a summary saved from an old version is refused and the newer text is shown to merge', async ({ browser }) => {
    const coordinator = await (await browser.newContext()).newPage();
    const chair = await (await browser.newContext()).newPage();
    await signIn(coordinator, 'coordinator@demo.test');
    await signIn(chair, 'chair@demo.test');
    const id = await publishedMeeting(chair.request);
    await openLive(chair, id);
    await openLive(coordinator, id);
    await chair.getByRole('button', { name: 'Start the meeting' }).click();
    const cc = coordinator.getByRole('region', { name: 'Current item' });
    const ch = chair.getByRole('region', { name: 'Current item' });
    await expect(cc.getByRole('heading', { level: 2 })).toHaveText('Welcome and confidentiality statement');
    // Both start editing the same summary.
    await cc.getByRole('button', { name: 'Edit the summary' }).click();
    await ch.getByRole('button', { name: 'Edit the summary' }).click();
    const first = unique('Coordinator summary');
    await cc.getByLabel('Summary', { exact: true }).fill(first);
    await cc.getByRole('button', { name: 'Save summary' }).click();
    await expect(ch.locator('.live__summary')).toContainText(first);
    await ch.getByLabel('Summary', { exact: true }).fill('Chair summary');
    await ch.getByRole('button', { name: 'Save summary' }).click();
    await expect(chair.getByRole('alert').first()).toContainText('Someone saved a newer version');
    await expect(ch.getByLabel('Summary', { exact: true })).toHaveValue('Chair summary');
    await ch.getByRole('button', { name: /save mine on top of it/ }).click();
    await ch.getByRole('button', { name: 'Save summary' }).click();
    await expect(cc.locator('.live__summary')).toContainText('Chair summary');
  });

  test('a member who loses the connection sees reconnecting, and what they shared meanwhile arrives once', async ({ browser }) => {
    const member = await (await browser.newContext()).newPage();
    const chair = await (await browser.newContext()).newPage();
    // The member's socket passes through a switch the test can flip, like a hotel's Wi-Fi.
    let offline = false;
    const sockets: WebSocketRoute[] = [];
    await member.routeWebSocket(/\/live(\?.*)?$/, (ws) => {
      if (offline) {
        ws.close();
        return;
      }
      ws.connectToServer();
      sockets.push(ws);
    });
    await signIn(member, 'police@demo.test');
    await signIn(chair, 'chair@demo.test');
    const id = await publishedMeeting(chair.request);
    await openLive(chair, id);
    await openLive(member, id);
    await chair.getByRole('button', { name: 'Start the meeting' }).click();
    const memberCurrent = member.getByRole('region', { name: 'Current item' });
    await expect(memberCurrent.getByRole('heading', { level: 2 })).toHaveText('Welcome and confidentiality statement');

    offline = true;
    for (const ws of sockets) await ws.close();
    await expect(member.locator('.live__conn')).toContainText('Reconnecting…');
    const shared = unique('Shared while offline');
    await memberCurrent.getByLabel('What your agency knows').fill(shared);
    await memberCurrent.getByRole('button', { name: 'Share' }).click();
    await expect(member.locator('.live__conn')).toContainText('1 change(s) waiting to be sent');
    // Meanwhile the chair moves on; the member catches up when back.
    await chair.getByRole('button', { name: 'Next item' }).click();
    offline = false;
    await expect(member.locator('.live__conn')).toHaveAttribute('data-conn', 'open', { timeout: 30_000 });
    await expect(memberCurrent.getByRole('heading', { level: 2 })).toHaveText('Minutes of the previous meeting');
    await expect(member.locator('.live__pending')).toHaveCount(0);
    await chair.getByRole('button', { name: 'Previous item' }).click();
    await expect(chair.getByRole('region', { name: 'Current item' }).locator('.live__contributions li')).toHaveCount(1);
    await expect(chair.getByRole('region', { name: 'Current item' })).toContainText(shared);
  });
});
