// The calendars (the feed and each event's file) read with Mozilla's ical.js, a parser this project did not write, as
// Thunderbird and many web calendars do: the zone's rules come from the file's own VTIMEZONE, so every instant must
// equal the JSON's startsAt/endsAt, in winter and summer and on both days the clocks change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { TrygghetClient } from '../dist/client.js';

const baseUrl = process.env.API_URL;
if (!baseUrl) throw new Error('Set API_URL to a running Trygghet API (./test does).');
const anonymous = new TrygghetClient(baseUrl, { fetch: (url, init) => fetch(url, init) });

/** Reads a calendar the way a client does: registers its VTIMEZONEs, then returns its events. */
function readCalendar(text) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').map((component) => ({ component, event: new ICAL.Event(component) }));
}

async function icsOf(path, language = 'sv') {
  const response = await fetch(`${baseUrl}${path}`, { headers: { 'Accept-Language': language } });
  assert.equal(response.status, 200, path);
  assert.match(response.headers.get('content-type'), /^text\/calendar/);
  return response.text();
}

// Stockholm local times and the instants they are (UTC): winter (+01), summer (+02), the Sunday summer time begins
// (28 March 2027, 02:00 → 03:00) and the Sunday it ends (31 October 2027, 03:00 → 02:00).
const cases = [
  { name: 'vinter', startsAt: '2027-01-14T18:00:00+01:00', endsAt: '2027-01-14T20:00:00+01:00', utc: '2027-01-14T17:00:00.000Z' },
  { name: 'sommartid börjar', startsAt: '2027-03-28T10:00:00+02:00', endsAt: '2027-03-28T12:00:00+02:00', utc: '2027-03-28T08:00:00.000Z' },
  { name: 'sommar', startsAt: '2027-06-10T18:00:00+02:00', endsAt: '2027-06-10T20:00:00+02:00', utc: '2027-06-10T16:00:00.000Z' },
  { name: 'sommartid slutar', startsAt: '2027-10-31T10:00:00+01:00', endsAt: '2027-10-31T12:00:00+01:00', utc: '2027-10-31T09:00:00.000Z' },
];

let created;
async function createEvents() {
  if (created) return created;
  const { accessToken } = await anonymous.createDevToken({ role: 'staff' });
  const staff = new TrygghetClient(baseUrl, {
    fetch: (url, init) => fetch(url, { ...init, headers: { ...init?.headers, Authorization: `Bearer ${accessToken}` } }),
  });
  created = [];
  for (const [i, c] of cases.entries()) {
    const walk = i % 2 === 1;
    const draft = await staff.createEvent({
      kind: walk ? 'walk' : 'dialogue', title: `Kalender ${c.name}`, areaSlug: 'fruangen', format: 'onSite',
      startsAt: c.startsAt, endsAt: c.endsAt, participationLevel: 'consultation', capacityOnSite: 30,
      venue: walk ? undefined : { name: 'Fruängens bibliotek', address: 'Fruängstorget 1', lat: 59.2856, lon: 17.9650 },
      walk: walk ? { meetingPoint: 'Vid tunnelbanans entré, Fruängstorget', meetingLat: 59.2858, meetingLon: 17.9647, lightCondition: 'darkness' } : undefined,
    });
    await staff.publishEvent(draft.id, { overrideReason: 'Testar kalendrar utan inbjudningar.' });
    created.push({ ...c, walk, id: draft.id, slug: draft.slug });
  }
  return created;
}

test('each event file puts the event at the instant of its JSON, in winter, summer and on both change days', async () => {
  for (const e of await createEvents()) {
    const json = e.walk ? await anonymous.getWalk(e.slug) : await anonymous.getDialogue(e.slug);
    const [{ event }] = readCalendar(await icsOf(`/api/v1/${e.walk ? 'walks' : 'dialogues'}/${e.slug}/calendar.ics`));
    assert.equal(event.startDate.toJSDate().toISOString(), new Date(json.startsAt).toISOString(), `${e.name}: start`);
    assert.equal(event.endDate.toJSDate().toISOString(), new Date(json.endsAt).toISOString(), `${e.name}: end`);
    assert.equal(event.startDate.toJSDate().toISOString(), e.utc, `${e.name}: the expected instant`);
  }
});

test('the feed puts every event, not only these, at the instant of its JSON', async () => {
  const mine = await createEvents();
  const expected = new Map();
  for (const list of [anonymous.listDialogues.bind(anonymous), anonymous.listWalks.bind(anonymous)]) {
    let cursor;
    do {
      const page = await list(undefined, undefined, undefined, undefined, 100, cursor);
      for (const e of page.items) expected.set(`${e.id}@trygghet.hagersten-alvsjo`, e);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const events = readCalendar(await icsOf('/api/v1/calendar.ics'));
  assert.ok(mine.every((m) => events.some(({ event }) => event.uid.startsWith(m.id))), 'the created events are in the feed');
  for (const { event } of events) {
    const json = expected.get(event.uid);
    assert.ok(json, `${event.uid} is a public event`);
    assert.equal(event.startDate.toJSDate().getTime(), new Date(json.startsAt).getTime(), `${json.title}: start`);
    assert.equal(event.endDate.toJSDate().getTime(), new Date(json.endsAt).getTime(), `${json.title}: end`);
  }
});

test('LOCATION is the venue or the walk\'s meeting point, with GEO, and texts say their language', async () => {
  const [dialogue, walk] = await createEvents();
  const [{ component: d }] = readCalendar(await icsOf(`/api/v1/dialogues/${dialogue.slug}/calendar.ics`));
  assert.equal(d.getFirstPropertyValue('location'), 'Fruängens bibliotek, Fruängstorget 1');
  assert.deepEqual(d.getFirstPropertyValue('geo'), [59.2856, 17.965]);
  assert.equal(d.getFirstProperty('summary').getParameter('language'), 'sv');

  const [{ component: w }] = readCalendar(await icsOf(`/api/v1/walks/${walk.slug}/calendar.ics`, 'en'));
  assert.equal(w.getFirstPropertyValue('location'), 'Vid tunnelbanans entré, Fruängstorget');
  assert.deepEqual(w.getFirstPropertyValue('geo'), [59.2858, 17.9647]);
  assert.match(w.getFirstPropertyValue('description'), /Details and registration: http/);
});

test('a translated event\'s file gives its texts in the language asked for, each saying its own: Swedish where left out', async () => {
  const [dialogue] = await createEvents();
  const { accessToken } = await anonymous.createDevToken({ role: 'staff' });
  const staff = new TrygghetClient(baseUrl, {
    fetch: (url, init) => fetch(url, { ...init, headers: { ...init?.headers, Authorization: `Bearer ${accessToken}` } }),
  });
  await staff.putEventTranslation(dialogue.id, 'ar', { title: 'حوار حول الأمان في فرووانغن', description: 'حوار مفتوح حول الأمان.' });

  const [{ component, event }] = readCalendar(await icsOf(`/api/v1/dialogues/${dialogue.slug}/calendar.ics?lang=ar`));
  assert.equal(event.summary, 'حوار حول الأمان في فرووانغن');
  assert.equal(component.getFirstProperty('summary').getParameter('language'), 'ar');
  assert.match(event.description, /^حوار مفتوح حول الأمان\./);
  assert.equal(component.getFirstProperty('description').getParameter('language'), 'ar');
  // The venue's name is not translated: the location is Swedish and says so.
  assert.equal(component.getFirstPropertyValue('location'), 'Fruängens bibliotek, Fruängstorget 1');
  assert.equal(component.getFirstProperty('location').getParameter('language'), 'sv');
  assert.equal(event.startDate.toJSDate().toISOString(), dialogue.utc, 'the same instant in every language');
});
