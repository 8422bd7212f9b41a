// The deadline job (reminder once, office item after the grace period, resolution by check-out or a new date,
// idempotent), the office's numbers and scope, reminders with their hourly limit, and the operator's own list.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client';
import { complianceItems, complianceReminders } from '../../db/schema/compliance';
import { notifications } from '../../db/schema/notifications';
import { stays } from '../../db/schema/stays';
import type { Ctx } from '../../platform/context';
import { buildUser, createTestEnv, type TestEnv } from '../../test/harness';
import { buildAccommodation, JAKARTA_VILLAGE, PAGAR_ALAM_VILLAGE } from '../accommodations/accommodations.test-support';
import { buildMuaraEnimOffice, signInAs } from '../orgs/orgs.test-support';
import { checkOut } from '../stays/stays.service';
import { buildStay } from '../stays/stays.test-support';
import { listComplianceItems, runDeadlines } from './compliance.service';
import { buildReportRow, buildStayRow, daysFromNow, wibDay } from './compliance.test-support';
import { lastMonths } from './deadlines';

// One instant for the whole file, the services' clock included: what is overdue, by how many days, and which months
// a property's statistics show depend on the date, so the test and the request it checks must agree on it (a run at
// 23:59:59 WIB on the last day of a month must not see the month change between the two). Expected check-outs are
// days in WIB (wibDay), so days overdue do not depend on the time of day.
const NOW = new Date();

let env: TestEnv;
let officeAgencyId: string;

beforeAll(async () => {
  env = await createTestEnv({ now: () => NOW });
  officeAgencyId = (await buildMuaraEnimOffice(env)).agency.id;
});
afterAll(() => env.close());

const systemAt = (at: Date): Ctx => ({ ...env.ctx({ kind: 'system', name: 'test' }), now: () => at });

async function notificationsOf(userId: string) {
  return env.database.db.select().from(notifications).where(eq(notifications.userId, userId));
}

async function propertyWithOperator(villageCode?: string) {
  const operator = await buildUser(env, { roles: ['accommodation_operator'] });
  const property = await buildAccommodation(env, {
    operatorUserId: operator.id,
    ...(villageCode ? { villageCode } : {}),
  });
  return { operator, property };
}

describe('the check-out deadline job', () => {
  it('reminds the operators once, hands the stay to the office after the grace period, and resolves it on check-out', async () => {
    const { operator, property } = await propertyWithOperator();
    const overdue = await buildStayRow(env, {
      accommodationId: property.id,
      arrivedAt: daysFromNow(-5, NOW),
      // Due yesterday (a day in WIB, the property's zone): overdue since the last midnight, for less than a day
      // whatever the time of day, so the grace period (2 days) ends neither before the run an hour later nor after
      // the run two days later.
      expectedCheckOut: wibDay(daysFromNow(-1, NOW)),
    });
    await buildStayRow(env, { accommodationId: property.id, expectedCheckOut: wibDay(daysFromNow(3, NOW)) });
    await buildStayRow(env, {
      accommodationId: property.id,
      expectedCheckOut: wibDay(daysFromNow(-2, NOW)),
      status: 'checked_out',
    });

    const first = await runDeadlines(systemAt(NOW));
    expect(first).toMatchObject({ opened: 1, remindedProperties: 1, escalated: 0 });
    const [notice, ...more] = await notificationsOf(operator.id);
    expect(more).toHaveLength(0);
    expect(notice).toMatchObject({
      kind: 'compliance.checkout_overdue',
      titleKey: 'messages.checkoutOverdue.title',
      params: { property: property.name, count: 1 },
      link: '/check-outs-due',
      readAt: null,
      emailStatus: 'none',
    });

    // Twice in the same hour, or an hour later: nothing new.
    expect(await runDeadlines(systemAt(NOW))).toEqual({ resolved: 0, opened: 0, remindedProperties: 0, escalated: 0 });
    expect(await runDeadlines(systemAt(daysFromNow(0.05, NOW)))).toMatchObject({ opened: 0, remindedProperties: 0 });
    expect(await notificationsOf(operator.id)).toHaveLength(1);

    // Past the grace period (2 days after it became overdue): an item for the office, announced once to the staff
    // of the office covering the area.
    const officer = await buildUser(env, { roles: ['analyst'], agencyId: officeAgencyId });
    const policeOfficer = await buildUser(env, { roles: ['agency_member'], agencyId: officeAgencyId });
    const office = { ...env.ctx({ kind: 'system', name: 'office' }), now: () => daysFromNow(2, NOW) };
    expect(await runDeadlines(office)).toMatchObject({ escalated: 1, remindedProperties: 0 });
    expect(await runDeadlines(office)).toMatchObject({ escalated: 0 });
    const [announcement, ...moreAnnouncements] = await notificationsOf(officer.id);
    expect(moreAnnouncements).toHaveLength(0);
    expect(announcement).toMatchObject({
      kind: 'compliance.items_escalated',
      params: { count: 1 },
      link: '/compliance/items',
    });
    expect(await notificationsOf(policeOfficer.id)).toHaveLength(0);
    const items = await listComplianceItems(office, {
      limit: 50,
      offset: 0,
      status: 'open',
      accommodationId: property.id,
    });
    expect(items.total).toBe(1);
    expect(items.items[0]).toMatchObject({ stayId: overdue.id, accommodationName: property.name, groupSize: 1 });
    expect(items.items[0]?.daysOverdue).toBeGreaterThanOrEqual(3);

    // The property reports the check-out: the item is resolved by the next run.
    await env.database.db
      .update(stays)
      .set({ status: 'checked_out', checkedOutAt: NOW })
      .where(eq(stays.id, overdue.id));
    expect(await runDeadlines(office)).toMatchObject({ resolved: 1, opened: 0 });
    const open = await listComplianceItems(office, {
      limit: 50,
      offset: 0,
      status: 'open',
      accommodationId: property.id,
    });
    expect(open.total).toBe(0);
    const resolved = await listComplianceItems(office, {
      limit: 50,
      offset: 0,
      status: 'resolved',
      accommodationId: property.id,
    });
    expect(resolved.items[0]).toMatchObject({ stayId: overdue.id, resolution: 'checked_out' });
    expect(await notificationsOf(operator.id)).toHaveLength(1);
  });

  it('resolves an item when the stay is extended and starts over when the new date passes too', async () => {
    const { operator, property } = await propertyWithOperator();
    const stay = await buildStayRow(env, {
      accommodationId: property.id,
      expectedCheckOut: wibDay(daysFromNow(-1, NOW)),
    });
    await runDeadlines(systemAt(NOW));
    expect(await notificationsOf(operator.id)).toHaveLength(1);

    const later = daysFromNow(1, NOW);
    await env.database.db
      .update(stays)
      .set({ expectedCheckOut: wibDay(daysFromNow(3, NOW)) })
      .where(eq(stays.id, stay.id));
    await runDeadlines(systemAt(later));
    const [item] = await env.database.db.select().from(complianceItems).where(eq(complianceItems.stayId, stay.id));
    expect(item).toMatchObject({ resolution: 'date_changed' });
    expect(item?.resolvedAt).not.toBeNull();

    // The new date passes as well: a new deadline, a new reminder.
    await runDeadlines(systemAt(daysFromNow(5, NOW)));
    const [again] = await env.database.db.select().from(complianceItems).where(eq(complianceItems.stayId, stay.id));
    expect(again).toMatchObject({ resolution: null, resolvedAt: null, expectedCheckOut: wibDay(daysFromNow(3, NOW)) });
    expect(await notificationsOf(operator.id)).toHaveLength(2);
  });

  it('resolves the item when the check-out comes through the stays service', async () => {
    const { operator, property } = await propertyWithOperator();
    const stay = await buildStay(env, { accommodationId: property.id });
    const inFiveDays = daysFromNow(5, NOW);
    await runDeadlines(systemAt(inFiveDays));
    const itemOf = async () =>
      (await env.database.db.select().from(complianceItems).where(eq(complianceItems.stayId, stay.id)))[0];
    expect((await itemOf())?.resolvedAt).toBeNull();
    const ctx = env.ctx({
      kind: 'user',
      userId: operator.id,
      name: 'Operator',
      email: operator.email,
      agencyId: operator.agencyId,
      roles: ['accommodation_operator'],
      permissions: new Set(['regions.read', 'accommodations.manage_own']),
      scope: [],
      officeId: null,
      sessionId: 'test',
    });
    await checkOut(ctx, stay.id, { checkedOutAt: NOW.toISOString() });
    await runDeadlines(systemAt(daysFromNow(0.1, inFiveDays)));
    expect(await itemOf()).toMatchObject({ resolution: 'checked_out' });
  });

  it('does not remind operators of a property twice for several overdue guests in one run', async () => {
    const { operator, property } = await propertyWithOperator();
    const groupId = crypto.randomUUID();
    for (let i = 0; i < 3; i++) {
      await buildStayRow(env, {
        accommodationId: property.id,
        expectedCheckOut: wibDay(daysFromNow(-1, NOW)),
        groupId,
      });
    }
    await runDeadlines(systemAt(NOW));
    const list = await notificationsOf(operator.id);
    expect(list).toHaveLength(1);
    expect(list[0]?.params).toMatchObject({ count: 3 });
  });
});

describe('office compliance view', () => {
  it('shows reports per month, late rate, missing check-outs and last report of a property', async () => {
    const { property } = await propertyWithOperator();
    const months = lastMonths(NOW, 6);
    // A late check-in is reported 30 hours after the arrival (buildStayRow): the late ones arrived three days ago, so
    // that their reports lie in the past too (not in the next month on its last evening).
    const late = await buildStayRow(env, {
      accommodationId: property.id,
      arrivedAt: daysFromNow(-3, NOW),
      expectedCheckOut: wibDay(daysFromNow(-1, NOW)),
      isLate: true,
    });
    await buildStayRow(env, {
      accommodationId: property.id,
      arrivedAt: daysFromNow(-1, NOW),
      expectedCheckOut: wibDay(daysFromNow(2, NOW)),
    });
    await buildStayRow(env, {
      accommodationId: property.id,
      arrivedAt: daysFromNow(-1, NOW),
      expectedCheckOut: wibDay(daysFromNow(2, NOW)),
    });
    await buildStayRow(env, {
      accommodationId: property.id,
      arrivedAt: daysFromNow(-1, NOW),
      expectedCheckOut: wibDay(daysFromNow(2, NOW)),
    });
    // A cancelled late check-in does not count.
    await buildStayRow(env, {
      accommodationId: property.id,
      arrivedAt: daysFromNow(-3, NOW),
      expectedCheckOut: wibDay(daysFromNow(2, NOW)),
      isLate: true,
      status: 'cancelled',
    });
    // Two reports in the month before last, one eight months ago (outside the window).
    const twoBack = months[3] as string;
    await buildReportRow(env, late.id, property.id, new Date(`${twoBack}-15T05:00:00Z`));
    await buildReportRow(env, late.id, property.id, new Date(`${twoBack}-16T05:00:00Z`));
    await buildReportRow(env, late.id, property.id, daysFromNow(-240, NOW));

    const admin = await signInAs(env, 'office_admin', { agencyId: officeAgencyId });
    const res = await admin.api.get(`/api/v1/compliance/properties?q=${encodeURIComponent(property.name)}`);
    expect(res.statusCode).toBe(200);
    const [item] = res.json().items;
    expect(item).toMatchObject({
      id: property.id,
      checkIns: 4,
      lateCheckIns: 1,
      lateRate: 0.25,
      missingCheckOuts: 1,
      openItems: 0,
    });
    const perMonth = Object.fromEntries(
      (item.reportsPerMonth as { month: string; reports: number }[]).map((m) => [m.month, m.reports]),
    );
    expect(Object.keys(perMonth)).toEqual(months);
    expect(perMonth[twoBack]).toBe(2);
    // the five check-in reports (the cancelled one's too: it was reported) fall in the last days
    expect((perMonth[months[5] as string] ?? 0) + (perMonth[months[4] as string] ?? 0)).toBe(5);
    expect(item.reports).toBe(7);
    expect(new Date(item.lastReportAt).getTime()).toBeGreaterThan(daysFromNow(-2, NOW).getTime());

    const detail = await admin.api.get(`/api/v1/compliance/properties/${property.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().overdueStays).toHaveLength(1);
    expect(detail.json().overdueStays[0]).toMatchObject({ stayId: late.id, daysOverdue: 1, nationality: 'CHN' });
    expect(JSON.stringify(detail.json())).not.toContain(late.surname);

    const sorted = await admin.api.get(
      '/api/v1/compliance/properties?compliance=missing_check_outs&sort=missingCheckOuts',
    );
    expect(sorted.statusCode).toBe(200);
    expect(sorted.json().items.map((i: { id: string }) => i.id)).toContain(property.id);
    expect(sorted.json().items.every((i: { missingCheckOuts: number }) => i.missingCheckOuts > 0)).toBe(true);
  });

  it("moves a property's items to its corrected village, so they belong to the office of where it is", async () => {
    const { property } = await propertyWithOperator();
    const stay = await buildStayRow(env, {
      accommodationId: property.id,
      expectedCheckOut: wibDay(daysFromNow(-1, NOW)),
    });
    await runDeadlines(systemAt(NOW));
    const itemOf = async () =>
      (await env.database.db.select().from(complianceItems).where(eq(complianceItems.stayId, stay.id)))[0];
    expect((await itemOf())?.villageCode).toBe(PAGAR_ALAM_VILLAGE);

    const office = await signInAs(env, 'office_admin', { agencyId: officeAgencyId });
    const lahatVillage = '16.04.01.2001';
    const fix = await office.api.patch(`/api/v1/accommodations/${property.id}/registration`, {
      villageCode: lahatVillage,
    });
    expect(fix.statusCode, fix.body).toBe(200);
    expect((await itemOf())?.villageCode).toBe(lahatVillage);
    const inLahat = await office.api.get('/api/v1/compliance/properties?area=16.04&limit=200');
    expect(inLahat.json().items.map((p: { id: string }) => p.id)).toContain(property.id);
  });

  it('keeps properties outside the scope hidden and refuses roles without the permission', async () => {
    const outside = await buildAccommodation(env, { villageCode: JAKARTA_VILLAGE });
    const admin = await signInAs(env, 'office_admin', { agencyId: officeAgencyId });
    expect((await admin.api.get(`/api/v1/compliance/properties/${outside.id}`)).json().code).toBe(
      'ACCOMMODATION_NOT_FOUND',
    );
    expect((await admin.api.post(`/api/v1/compliance/properties/${outside.id}/reminders`)).statusCode).toBe(404);
    const list = await admin.api.get('/api/v1/compliance/properties?limit=200');
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(outside.id);
    const areaList = await admin.api.get('/api/v1/compliance/properties?area=31');
    expect(areaList.json().total).toBe(0);

    const operator = await signInAs(env, 'accommodation_operator');
    expect((await operator.api.get('/api/v1/compliance/properties')).statusCode).toBe(403);
    expect((await operator.api.get('/api/v1/compliance/items')).statusCode).toBe(403);
    const national = await signInAs(env, 'system_admin');
    expect((await national.api.get(`/api/v1/compliance/properties/${outside.id}`)).statusCode).toBe(200);
  });

  it('sends a reminder to the operators at most once an hour per property, audited', async () => {
    const { operator, property } = await propertyWithOperator();
    await buildStayRow(env, { accommodationId: property.id, expectedCheckOut: wibDay(daysFromNow(-3, NOW)) });
    const admin = await signInAs(env, 'office_admin', { agencyId: officeAgencyId });
    const sent = await admin.api.post(`/api/v1/compliance/properties/${property.id}/reminders`);
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ recipientCount: 1, overdueCount: 1 });
    const [notice] = await notificationsOf(operator.id);
    expect(notice).toMatchObject({ kind: 'compliance.office_reminder', params: { property: property.name, count: 1 } });

    const again = await admin.api.post(`/api/v1/compliance/properties/${property.id}/reminders`);
    expect(again.statusCode).toBe(429);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json()).toMatchObject({ code: 'REMINDER_TOO_SOON', nextReminderAt: sent.json().nextReminderAt });
    expect(again.json().retryAfterSeconds).toBeGreaterThan(3500);
    // another officer is held to the same limit
    const colleague = await signInAs(env, 'analyst', { agencyId: officeAgencyId });
    expect((await colleague.api.post(`/api/v1/compliance/properties/${property.id}/reminders`)).statusCode).toBe(429);
    expect(await notificationsOf(operator.id)).toHaveLength(1);

    const audit = await selectRows<{ n: number }>(
      env.database.db,
      sql`select count(*)::int as n from audit_log where action = 'compliance.remind' and object_id = ${property.id}`,
    );
    expect(audit[0]?.n).toBe(1);
    const reminders = await env.database.db
      .select()
      .from(complianceReminders)
      .where(eq(complianceReminders.accommodationId, property.id));
    expect(reminders).toHaveLength(1);

    // The automatic reminder does not follow an officer's reminder for the same stays.
    await runDeadlines(systemAt(NOW));
    expect(await notificationsOf(operator.id)).toHaveLength(1);

    const detail = await admin.api.get(`/api/v1/compliance/properties/${property.id}`);
    expect(detail.json().nextReminderAt).not.toBeNull();
    expect(detail.json().reminders[0]).toMatchObject({ kind: 'manual', recipientCount: 1 });
  });

  it('lets only the immigration office send reminders', async () => {
    const { property } = await propertyWithOperator();
    const policeAnalyst = await signInAs(env, 'analyst');
    const res = await policeAnalyst.api.post(`/api/v1/compliance/properties/${property.id}/reminders`);
    expect(res.statusCode).toBe(403);
    const fieldOfficer = await signInAs(env, 'field_officer', { agencyId: officeAgencyId });
    expect((await fieldOfficer.api.post(`/api/v1/compliance/properties/${property.id}/reminders`)).statusCode).toBe(
      403,
    );
  });
});

describe("the operator's check-outs due", () => {
  it('lists only their own overdue guests', async () => {
    const operator = await signInAs(env, 'accommodation_operator');
    const own = await buildAccommodation(env, { operatorUserId: operator.id });
    const other = await buildAccommodation(env);
    const mine = await buildStayRow(env, { accommodationId: own.id, expectedCheckOut: wibDay(daysFromNow(-2, NOW)) });
    await buildStayRow(env, { accommodationId: own.id, expectedCheckOut: wibDay(daysFromNow(2, NOW)) });
    await buildStayRow(env, { accommodationId: other.id, expectedCheckOut: wibDay(daysFromNow(-2, NOW)) });
    const res = await operator.api.get('/api/v1/compliance/own/overdue-stays');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).toMatchObject({
      stayId: mine.id,
      accommodationName: own.name,
      guestName: `${mine.surname} UJI`,
      daysOverdue: 2,
    });
    const admin = await signInAs(env, 'office_admin', { agencyId: officeAgencyId });
    expect((await admin.api.get('/api/v1/compliance/own/overdue-stays')).statusCode).toBe(403);
  });
});
