import { test, expect } from '@playwright/test';
import { hydrated, signIn } from './helpers';

test('the chair sets a review in 6 weeks and the case shows under reviews on the later meeting', async ({ page, request }) => {
  await signIn(page, 'chair@demo.test');
  const cases = await (await page.request.get('/api/v1/cases')).json();
  const open = cases.find((c: any) => c.status !== 'closed');
  const m1 = await (await page.request.post('/api/v1/meetings', { data: { starts_at: '2031-03-04T09:00', duration_minutes: 180 } })).json();
  await page.request.patch(`/api/v1/meetings/${m1.id}/agenda`, { data: { operations: [{ op: 'add', kind: 'new_case', case_id: open.id, minutes: 10 }] } });
  const later = await (await page.request.post('/api/v1/meetings', { data: { starts_at: '2031-04-29T09:00', duration_minutes: 180 } })).json();
  await page.goto(`/meetings/${m1.id}`);
  await hydrated(page);
  const form = page.locator(`.next-step[data-case="${open.id}"]`);
  // The form is folded away beside the item until the chair opens it.
  await page.locator('details', { has: form }).locator('summary').click();
  await form.getByLabel('Review at a later meeting').check();
  await form.getByLabel('Or review in (weeks)').fill('6');
  await form.getByRole('button', { name: 'Record the next step' }).click();
  await expect(form.getByRole('status')).toContainText('on the agenda');
  await page.goto(`/meetings/${later.id}`);
  const item = page.locator('.agenda__item[data-kind="review"]');
  await expect(item).toContainText(open.reference);
  await expect(page.getByText('Cases due for review')).toBeVisible();
});

test('closing a case as moved out of the area names the receiving group', async ({ page }) => {
  await signIn(page, 'coordinator@demo.test');
  const cases = await (await page.request.get('/api/v1/cases')).json();
  const open = cases.find((c: any) => c.status !== 'closed');
  await page.goto(`/cases/${open.id}`);
  await hydrated(page);
  const form = page.locator(`.next-step[data-case="${open.id}"]`);
  await form.getByLabel('Close the case').check();
  await form.getByLabel('Reason for closing').selectOption('moved_out');
  await form.getByRole('button', { name: 'Record the next step' }).click();
  await expect(form.locator('.field__error')).toContainText('Name the group or service');
  await form.getByLabel('Receiving group').fill('Sibiu intervention group');
  await form.getByRole('button', { name: 'Record the next step' }).click();
  await expect(form.getByRole('status')).toContainText('The case is closed');
  await page.reload();
  await expect(page.getByText('Sibiu intervention group').first()).toBeVisible();
});
