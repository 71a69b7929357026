import type { SurveyText } from '@trygghet/client';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '../events/testing';
import { SurveyModerationPage } from './SurveyModerationPage';

const text = (id: string, words: string, status: SurveyText['status'] = 'pending'): SurveyText => ({
  id, eventId: 'e1', eventTitle: 'Trygghetsdialog i Fruängen', text: words, status, answeredAt: '2027-03-20T10:00:00+01:00',
});

function open(answer: Parameters<typeof stubFetch>[0]) {
  const calls = stubFetch(answer);
  const router = createMemoryRouter([{ path: '/personal/granska/enkatsvar', element: <SurveyModerationPage /> }], {
    initialEntries: ['/personal/granska/enkatsvar'],
  });
  render(<RouterProvider router={router} />);
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('moderating the survey suggestions', () => {
  it('lists the pending ones with their event, approves one and rejects another, each saying so', async () => {
    const calls = open((call) => {
      if (call.url.endsWith('/approve')) return json(200, { ...text('t1', 'Mer belysning vid tunnelbanan.'), status: 'approved' });
      if (call.url.endsWith('/reject')) return json(200, { ...text('t2', 'Bättre städning av torget.'), status: 'rejected' });
      return json(200, { items: [text('t1', 'Mer belysning vid tunnelbanan.'), text('t2', 'Bättre städning av torget.')], nextCursor: null });
    });

    const first = (await screen.findByText('Mer belysning vid tunnelbanan.')).closest('li')!;
    expect(within(first).getByText(/Från Trygghetsdialog i Fruängen/)).toBeInTheDocument();
    await userEvent.click(within(first).getByRole('button', { name: 'Godkänn' }));
    expect(await within(first).findByText('Godkänt: visas offentligt.')).toBeInTheDocument();
    expect(within(first).getByRole('button', { name: 'Godkänn' })).toBeDisabled();

    const second = screen.getByText('Bättre städning av torget.').closest('li')!;
    await userEvent.click(within(second).getByRole('button', { name: 'Avvisa' }));
    expect(await within(second).findByText('Avvisat: visas inte.')).toBeInTheDocument();

    expect(calls.filter((c) => c.method === 'POST').map((c) => new URL(c.url, 'http://localhost').pathname)).toEqual([
      '/api/v1/survey-texts/t1/approve', '/api/v1/survey-texts/t2/reject',
    ]);
    expect(new URL(calls[0]!.url, 'http://localhost').searchParams.get('status')).toBe('pending');
  });

  it('shows the approved ones when asked, loads more by the cursor, and says when there are none', async () => {
    const calls = open((call) => {
      const url = new URL(call.url, 'http://localhost');
      if (url.searchParams.get('status') === 'rejected') return json(200, { items: [], nextCursor: null });
      if (url.searchParams.get('cursor') === 'c2') return json(200, { items: [text('t3', 'Fler vuxna ute på kvällarna.', 'approved')], nextCursor: null });
      if (url.searchParams.get('status') === 'approved') return json(200, { items: [text('t1', 'Mer belysning.', 'approved')], nextCursor: 'c2' });
      return json(200, { items: [], nextCursor: null });
    });

    expect(await screen.findByText('Inga förslag här.')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Visa'), 'approved');
    expect(await screen.findByText('Mer belysning.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Visa fler' }));
    expect(await screen.findByText('Fler vuxna ute på kvällarna.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Visa fler' })).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Visa'), 'rejected');
    expect(await screen.findByText('Inga förslag här.')).toBeInTheDocument();
    expect(calls.map((c) => new URL(c.url, 'http://localhost').searchParams.get('status'))).toEqual(['pending', 'approved', 'approved', 'rejected']);
  });

  it('says a failed list failed, not that there is nothing to review', async () => {
    open(() => json(503, { title: 'Tjänsten är tillfälligt otillgänglig', status: 503 }));

    expect(await screen.findByText(/Tjänsten är tillfälligt otillgänglig|Något gick fel/)).toBeInTheDocument();
    expect(screen.queryByText('Inga förslag här.')).not.toBeInTheDocument();
  });
});
