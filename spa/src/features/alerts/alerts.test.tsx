import type { AlertSubscriptionView, AreaNode } from '@trygghet/client';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n';
import { json, stubFetch, type Call } from '../events/testing';
import { ManagePage } from './ManagePage';
import { SubscribePage } from './SubscribePage';

const token = 'a'.repeat(43);

const areas: AreaNode[] = [{
  slug: 'stockholm', name: 'Stockholm', kind: 'city', children: [{
    slug: 'hagersten-alvsjo', name: 'Hägersten-Älvsjö', kind: 'district', children: [
      { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood', children: [] },
      { slug: 'vastberga', name: 'Västberga', kind: 'neighbourhood', children: [] },
    ],
  }],
}];

const subscription: AlertSubscriptionView = {
  email: 'ada@example.se', wholeDistrict: false, areas: [{ slug: 'fruangen', name: 'Fruängen' }], frequency: 'immediate', language: 'sv', confirmed: true,
};

function open(path: string, element: React.ReactNode, answer: (call: Call) => Response) {
  const calls = stubFetch((call) => (call.url.includes('/areas') && call.method === 'GET' ? json(200, areas) : answer(call)));
  const router = createMemoryRouter([{ path: path.split(/[?#]/)[0], element }], { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return calls;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setLanguage('sv');
});

describe('subscribing to alerts', () => {
  it('starts from the area the link names, sends the choices and says to look for the confirmation e-mail', async () => {
    const calls = open('/bevaka?omrade=fruangen', <SubscribePage />, () => json(202, null));

    expect(await screen.findByRole('checkbox', { name: 'Fruängen' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Västberga' })).not.toBeChecked();
    await userEvent.type(screen.getByLabelText('Din e-postadress'), 'ada@example.se');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Västberga' }));
    await userEvent.click(screen.getByRole('radio', { name: 'En sammanfattning i veckan' }));
    await userEvent.click(screen.getByRole('button', { name: 'Bevaka' }));

    expect(await screen.findByText(/Vi har skickat ett meddelande till ada@example.se/)).toHaveFocus();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ email: 'ada@example.se', areas: ['fruangen', 'vastberga'], frequency: 'weekly', language: 'sv' });
  });

  it('shows the API’s field errors beside the fields and keeps what was typed', async () => {
    open('/bevaka', <SubscribePage />, () =>
      json(400, { title: 'Ogiltig begäran', status: 400, errors: { areas: ['Välj minst ett område, eller hela Hägersten-Älvsjö.'] } }));

    await screen.findByRole('checkbox', { name: 'Fruängen' });
    await userEvent.type(screen.getByLabelText('Din e-postadress'), 'ada@example.se');
    await userEvent.click(screen.getByRole('button', { name: 'Bevaka' }));

    expect(await screen.findAllByText('Välj minst ett område, eller hela Hägersten-Älvsjö.')).not.toHaveLength(0);
    expect(screen.getByLabelText('Din e-postadress')).toHaveValue('ada@example.se');
  });

  it('asks for e-mails in a language they are written in when the page is read in another', async () => {
    setLanguage('fi');
    const calls = open('/bevaka?omrade=fruangen', <SubscribePage />, () => json(202, null));

    const email = await screen.findByRole('textbox');
    await userEvent.type(email, 'ada@example.se');
    await userEvent.click(screen.getAllByRole('button').find((b) => (b as HTMLButtonElement).type === 'submit')!);

    const post = await vi.waitFor(() => calls.find((c) => c.method === 'POST') ?? Promise.reject(new Error('not sent')));
    expect((post.body as { language: string }).language).toBe('sv');
  });
});

describe('managing alerts from an e-mail’s link', () => {
  it('reads the subscription with the link’s token, saves changed areas and unsubscribes', async () => {
    const calls = open(`/bevaka/hantera#${token}`, <ManagePage />, (call) => {
      if (call.method === 'PUT') return json(200, { ...subscription, areas: [...subscription.areas, { slug: 'vastberga', name: 'Västberga' }] });
      if (call.method === 'DELETE') return json(204, null);
      return json(200, subscription);
    });

    expect(await screen.findByText('ada@example.se')).toBeInTheDocument();
    expect(calls.find((c) => c.url.includes('/alerts/subscription') && c.method === 'GET')?.headers.get('X-Alert-Token')).toBe(token);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Västberga' }));
    await userEvent.click(screen.getByRole('button', { name: 'Spara ändringarna' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Ändringarna är sparade.');
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ areas: ['fruangen', 'vastberga'], frequency: 'immediate' });

    await userEvent.click(screen.getByRole('button', { name: 'Avsluta och radera min e-postadress' }));
    expect(await screen.findByText('Bevakningen är avslutad och din e-postadress är raderad.')).toHaveFocus();
    expect(calls.find((c) => c.method === 'DELETE')?.headers.get('X-Alert-Token')).toBe(token);
  });

  it('says the link does not work when the subscription is gone, not that there is nothing', async () => {
    open(`/bevaka/hantera#${token}`, <ManagePage />, () => json(404, { title: 'Finns inte', status: 404 }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Länken fungerar inte.');
  });
});
