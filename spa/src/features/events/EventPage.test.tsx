import type { Availability, EventFeedback, PublicEvent } from '@trygghet/client';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, sampleEvent, stubFetch } from './testing';
import { EventPage } from './EventPage';

const availability: Availability = {
  open: true, deadline: '2027-03-09T18:00:00+01:00',
  onSite: { capacity: 60, available: 60, waitlisted: 0 }, remote: { capacity: 150, available: 150, waitlisted: 0 },
};

const closing = { minutes: 'Ett fyrtiotal deltog.', participantsOnSite: 38, participantsRemote: 17, raised: 'Mörk gångtunnel.', actions: 'Nya lampor i maj.' };

const feedback = (event: PublicEvent): EventFeedback => ({
  eventId: event.id, kind: event.kind, slug: event.slug, title: event.title, startsAt: event.startsAt, area: event.area,
  closedAt: '2027-03-17T10:00:00+01:00', ...closing,
  observations: [{
    id: 'o1', number: 7, category: 'lighting', description: 'Trasig lampa', descriptionHeld: false, severity: 2, lat: 59.28, lon: 17.97,
    area: event.area, status: 'inProgress', overdue: false, reportedAt: '2027-03-10T19:00:00+01:00', history: [],
  } as unknown as EventFeedback['observations'][number]],
  measures: [{ id: 'm1', title: 'Ny belysning i gångtunneln', status: 'planned' } as unknown as EventFeedback['measures'][number]],
  questions: [{ id: 'q1', eventId: event.id, text: 'När byts lamporna?', votes: 3, pinned: false, answeredLive: false, answers: [{ id: 'a1', author: 'Trafikkontoret', text: 'I maj.' }] } as unknown as EventFeedback['questions'][number]],
});

function open(event: PublicEvent) {
  const calls = stubFetch((call) => {
    if (call.url.includes('/availability')) return json(200, availability);
    if (call.url.includes('/feedback')) return json(200, feedback(event));
    return json(200, event);
  });
  const router = createMemoryRouter([{ path: '/dialoger/:slug', element: <EventPage /> }], { initialEntries: [`/dialoger/${event.slug}`] });
  render(<RouterProvider router={router} />);
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('an event page by its phase', () => {
  it('offers registration, places, the calendar and the Q&A while upcoming', async () => {
    open(sampleEvent());

    expect(await screen.findByRole('heading', { name: 'Anmäl dig' })).toBeInTheDocument();
    expect(screen.getByText(/60 av 60 platser kvar/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Lägg till i din kalender/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Frågor och svar' })).toBeInTheDocument();
    expect(screen.getByText(/Möteslänken får du genom din anmälan/)).toBeInTheDocument();
    expect(screen.getByText('Fruängens bibliotek, Fruängsgången 4')).toBeInTheDocument();
    expect(screen.getByText('Fruängens centrum')).toBeInTheDocument();
  });

  it('thanks everyone and gives the date of the feedback once held, without registration', async () => {
    open(sampleEvent({ status: 'held', phase: 'awaitingReport', attendable: false, feedbackExpectedBy: '2027-04-07' }));

    expect(await screen.findByRole('heading', { name: 'Tack till alla som deltog' })).toBeInTheDocument();
    expect(screen.getByText(/publiceras här senast onsdag 7 april 2027/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Anmäl dig' })).not.toBeInTheDocument();
    expect(screen.queryByText(/platser kvar/)).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /kalender/ })).not.toBeInTheDocument();
  });

  it('shows a closed event’s feedback first, then the Q&A archive, and no registration, calendar or remote link text', async () => {
    open(sampleEvent({ status: 'closed', phase: 'closed', attendable: false, feedbackExpectedBy: undefined, closing }));

    const headings = await screen.findAllByRole('heading', { level: 2 });
    await screen.findByText('Ny belysning i gångtunneln');
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent).slice(0, 2)).toEqual(['Återkoppling', 'Frågor som ställdes']);
    expect(headings.length).toBeGreaterThan(0);
    const feedbackSection = screen.getByRole('region', { name: 'Återkoppling' });
    expect(within(feedbackSection).getByText('Mörk gångtunnel.')).toBeInTheDocument();
    expect(within(feedbackSection).getByRole('link', { name: 'Belysning (nr 7)' })).toBeInTheDocument();
    expect(feedbackSection).toHaveTextContent('Belysning (nr 7) – pågår');
    expect(feedbackSection).toHaveTextContent('Ny belysning i gångtunneln (planerad)');
    expect(screen.getByText('När byts lamporna?')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Anmäl dig' })).not.toBeInTheDocument();
    expect(screen.queryByText(/platser kvar/)).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /kalender/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/Möteslänken/)).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Frågor och svar från dialogen' })).toBeInTheDocument();
  });

  it('gives a cancelled event’s reason first and links to the next event in the area', async () => {
    open(sampleEvent({
      status: 'cancelled', phase: 'cancelled', attendable: false, feedbackExpectedBy: undefined, cancelReason: 'Lokalen är vattenskadad.',
      nextEventInArea: { id: 'n1', kind: 'walk', slug: 'trygghetsvandring-i-fruangen-2027-04-14', title: 'Trygghetsvandring i Fruängen', startsAt: '2027-04-14T19:00:00+02:00' },
    }));

    const notice = await screen.findByRole('region', { name: 'Tillfället är inställt' });
    expect(screen.getAllByRole('heading', { level: 2 })[0]).toHaveTextContent('Tillfället är inställt');
    expect(notice).toHaveTextContent('Lokalen är vattenskadad.');
    expect(within(notice).getByRole('link', { name: 'Trygghetsvandring i Fruängen' })).toHaveAttribute('href', '/vandringar/trygghetsvandring-i-fruangen-2027-04-14');
    expect(screen.queryByRole('heading', { name: 'Anmäl dig' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Frågor och svar/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /kalender/ })).not.toBeInTheDocument();
  });
});

describe('an event read in another language', () => {
  it('marks each of its own texts with its language and direction, Swedish where the translation leaves it out, and leaves the page’s words alone', async () => {
    open(sampleEvent({
      title: 'حوار حول الأمان في فرووانغن', description: 'حوار مفتوح حول الأمان.', language: 'ar', availableLanguages: ['sv', 'ar'],
      untranslated: ['problem', 'place', 'agenda'], problem: 'Otrygghet kvällstid kring tunnelbanan.',
    }));

    const description = await screen.findByText('حوار مفتوح حول الأمان.');
    expect(description.closest('[lang]')).toHaveAttribute('lang', 'ar');
    expect(description.closest('[dir]')).toHaveAttribute('dir', 'rtl');
    for (const swedish of ['Otrygghet kvällstid kring tunnelbanan.', 'Fruängens centrum', 'Välkommen']) {
      const text = screen.getByText(swedish);
      expect(text.closest('[lang]'), swedish).toHaveAttribute('lang', 'sv');
      expect(text.closest('[dir]'), swedish).toHaveAttribute('dir', 'ltr');
    }
    // The headings are the page's words in the page's language: no Arabic marking around them.
    expect(screen.getByRole('heading', { name: 'Om tillfället' }).closest('[lang="ar"]')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'ar');
  });
});
