// The generated TypeScript client against a running API (API_URL), as a frontend would use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TrygghetClient } from '../dist/client.js';

const baseUrl = process.env.API_URL;
if (!baseUrl) throw new Error('Set API_URL to a running Trygghet API (./test does).');

// Outside a browser there is no `window`: pass fetch explicitly.
const anonymous = new TrygghetClient(baseUrl, { fetch: (url, init) => fetch(url, init) });

function clientWithToken(token) {
  return new TrygghetClient(baseUrl, {
    fetch: (url, init) => fetch(url, { ...init, headers: { ...init?.headers, Authorization: `Bearer ${token}` } }),
  });
}

test('lists the 17 neighbourhoods of Hägersten-Älvsjö', async () => {
  const [city] = await anonymous.listAreas();
  assert.equal(city.slug, 'stockholm');
  const [district] = city.children;
  assert.equal(district.name, 'Hägersten-Älvsjö');
  assert.equal(district.children.length, 17);
  assert.ok(district.children.every((n) => n.kind === 'neighbourhood'));
});

test('locates Älvsjö station in Solberga', async () => {
  const area = await anonymous.locateArea(59.2787, 18.0105);
  assert.deepEqual({ slug: area.slug, kind: area.kind }, { slug: 'solberga', kind: 'neighbourhood' });
});

test('an unknown area rejects with the problem document', async () => {
  await assert.rejects(anonymous.getArea('atlantis'), (problem) => {
    assert.equal(problem.status, 404);
    assert.match(problem.detail, /atlantis/);
    return true;
  });
});

test('staff set a population with If-Match from a development token', async () => {
  const { accessToken } = await anonymous.createDevToken({ role: 'staff' });
  const staff = clientWithToken(accessToken);
  const area = await staff.getArea('liseberg');
  const updated = await staff.updateAreaPopulation('liseberg', `"${area.version}"`, { population: 4321, year: 2025 });
  assert.equal(updated.population, 4321);
  assert.equal(updated.version, area.version + 1);
  await assert.rejects(staff.updateAreaPopulation('liseberg', `"${area.version}"`, { population: 1, year: 2025 }),
    (problem) => problem.status === 412);
});

test('without a token the write is refused with 401', async () => {
  await assert.rejects(anonymous.updateAreaPopulation('liseberg', '"1"', { population: 1, year: 2025 }),
    (error) => error.status === 401);
});

test('staff publish a dialogue and the public reads it without the remote link', async () => {
  const { accessToken } = await anonymous.createDevToken({ role: 'staff' });
  const staff = clientWithToken(accessToken);
  const startsAt = new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString();
  const endsAt = new Date(Date.now() + 40 * 24 * 3600 * 1000 + 2 * 3600 * 1000).toISOString();
  const draft = await staff.createEvent({
    kind: 'dialogue', title: 'Trygghetsdialog i Västberga', areaSlug: 'vastberga', format: 'hybrid',
    startsAt, endsAt, participationLevel: 'consultation', remoteUrl: 'https://meet.example.se/vastberga',
    venue: { name: 'Västberga gård', address: 'Västberga gårdsväg 1', accessibilityNotes: 'Ramp vid entrén.' },
  });
  assert.equal(draft.status, 'draft');
  await assert.rejects(staff.publishEvent(draft.id, {}), (problem) => problem.status === 422);
  const published = await staff.publishEvent(draft.id, { overrideReason: 'Kort varsel: testar publicering utan inbjudningar.' });
  assert.equal(published.status, 'published');

  const page = await anonymous.listDialogues('vastberga');
  assert.deepEqual(page.items.map((e) => e.slug), [draft.slug]);
  const event = await anonymous.getDialogue(draft.slug);
  assert.equal(event.remoteParticipation, true);
  assert.ok(!JSON.stringify(event).includes('meet.example.se'));
});

test('a resident registers, retries safely, and manages the registration through the secret link', async () => {
  const { accessToken } = await anonymous.createDevToken({ role: 'staff' });
  const staff = clientWithToken(accessToken);
  const startsAt = new Date(Date.now() + 45 * 24 * 3600 * 1000).toISOString();
  const endsAt = new Date(Date.now() + 45 * 24 * 3600 * 1000 + 2 * 3600 * 1000).toISOString();
  const draft = await staff.createEvent({
    kind: 'dialogue', title: 'Trygghetsdialog i Midsommarkransen', areaSlug: 'midsommarkransen', format: 'onSite',
    startsAt, endsAt, participationLevel: 'dialogue', capacityOnSite: 40,
    venue: { name: 'Kransens bibliotek', address: 'Tegelbruksvägen 1', accessibilityNotes: 'Hiss finns.' },
  });
  await staff.publishEvent(draft.id, { overrideReason: 'Testar anmälan från klienten utan inbjudningar.' });

  const key = crypto.randomUUID();
  const body = { mode: 'onSite', consentVersion: '2026-01', email: 'boende@example.se' };
  const receipt = await anonymous.registerForDialogue(draft.id, key, body);
  const retried = await anonymous.registerForDialogue(draft.id, key, body);
  assert.equal(receipt.status, 'confirmed');
  assert.equal(retried.id, receipt.id);
  assert.equal((await anonymous.getDialogueAvailability(draft.slug)).onSite.available, 39);

  const mine = await anonymous.getMyRegistration(receipt.manageToken);
  assert.equal(mine.email, 'boende@example.se');
  const cancelled = await anonymous.cancelMyRegistration(receipt.manageToken);
  assert.equal(cancelled.status, 'cancelled');
  await assert.rejects(anonymous.registerForDialogue(draft.id, key, { ...body, mode: 'remote' }), (problem) => problem.status === 422);
});

test('a resident asks, a moderator approves, and a remote participant sees it arrive live and votes once', async () => {
  const staff = clientWithToken((await anonymous.createDevToken({ role: 'staff' })).accessToken);
  const moderator = clientWithToken((await anonymous.createDevToken({ role: 'moderator' })).accessToken);
  const startsAt = new Date(Date.now() + 50 * 24 * 3600 * 1000).toISOString();
  const endsAt = new Date(Date.now() + 50 * 24 * 3600 * 1000 + 2 * 3600 * 1000).toISOString();
  const draft = await staff.createEvent({
    kind: 'dialogue', title: 'Trygghetsdialog i Hägerstensåsen', areaSlug: 'hagerstensasen', format: 'remote',
    startsAt, endsAt, participationLevel: 'dialogue', remoteUrl: 'https://meet.example.se/asen',
  });
  await staff.publishEvent(draft.id, { overrideReason: 'Testar frågor från klienten utan inbjudningar.' });

  // The participant's page: the list once, then the stream from the list's position (as EventSource would).
  const list = await anonymous.listQuestions(draft.slug);
  assert.deepEqual(list.items, []);
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/dialogues/${draft.slug}/questions/stream?lastEventId=${list.streamPosition}`,
    { signal: controller.signal });
  assert.equal(response.headers.get('content-type'), 'text/event-stream');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const nextEvent = async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += value;
      const block = buffer.split('\n\n').find((b) => b.includes('\ndata: '));
      if (block) return Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]));
    }
  };

  const receipt = await anonymous.askQuestion(draft.id, crypto.randomUUID(), { text: 'Hur når jag polisen om jag ser något på kvällen?' });
  assert.equal(receipt.status, 'pending');
  await moderator.approveQuestion(receipt.id, {});
  const published = await nextEvent();
  controller.abort();
  assert.equal(published.event, 'published');
  assert.equal(JSON.parse(published.data).id, receipt.id);

  const { token } = await anonymous.issueVoterToken();
  assert.equal((await anonymous.voteForQuestion(receipt.id, token)).votes, 1);
  const again = await anonymous.voteForQuestion(receipt.id, token);
  assert.deepEqual([again.votes, again.counted], [1, false]);
});
