import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RegistrationSection } from './RegistrationSection';
import { json, sampleEvent, stubFetch } from '../events/testing';

const open = { open: true, deadline: '2027-03-09T18:00:00+01:00', onSite: { capacity: 60, available: 0, waitlisted: 2 }, remote: { capacity: 150, available: 150, waitlisted: 0 } };
const receipt = {
  id: 'r1', eventId: sampleEvent().id, mode: 'remote', status: 'confirmed', checkInCode: 'ACDE3467',
  manageToken: 'tok_0123456789abcdefghijklmnopqrstuvwxyzABCDE', manageUrl: 'http://x/anmalan#tok',
};

function renderForm(event = sampleEvent()) {
  return render(
    <MemoryRouter>
      <RegistrationSection event={event} availability={open} />
    </MemoryRouter>,
  );
}

// On the event page the form's texts load with the page (EventPage); here they are loaded first, the same way.
beforeAll(() => i18next.loadNamespaces('registrations'));
afterEach(() => vi.unstubAllGlobals());

describe('registration form', () => {
  it('shows the API problem next to the field, keeps the answers, and retries with the same Idempotency-Key', async () => {
    const problem = { type: 'about:blank', title: 'Uppgifterna stämmer inte', status: 400, errors: { email: ['Skriv en giltig e-postadress.'] } };
    let answer = json(400, problem);
    const calls = stubFetch(() => answer);
    const user = userEvent.setup();
    renderForm();

    await user.click(screen.getByRole('radio', { name: /Digitalt/ }));
    await user.type(screen.getByLabelText('Namn (frivilligt)'), 'Ana');
    await user.type(screen.getByLabelText('E-postadress'), 'ana@');
    await user.click(screen.getByRole('checkbox'));
    await user.click(screen.getByRole('button', { name: 'Anmäl mig' }));

    const email = screen.getByLabelText('E-postadress');
    await waitFor(() => expect(email.getAttribute('aria-invalid')).toBe('true'));
    const error = screen.getByText('Skriv en giltig e-postadress.', { selector: '.field-error' });
    expect(email.getAttribute('aria-describedby')).toContain(error.id);
    expect(screen.getByRole('alert').textContent).toContain('Uppgifterna stämmer inte');
    expect((email as HTMLInputElement).value).toBe('ana@');
    expect(screen.getByLabelText<HTMLInputElement>('Namn (frivilligt)').value).toBe('Ana');
    expect(calls[0]!.body).toMatchObject({ mode: 'remote', email: 'ana@', name: 'Ana', consentVersion: '2026-01' });

    // The same answers again: the same key, so a lost answer never registers twice.
    answer = json(400, problem);
    await user.click(screen.getByRole('button', { name: 'Anmäl mig' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.headers.get('Idempotency-Key')).toBe(calls[0]!.headers.get('Idempotency-Key'));

    // Corrected answers are a new registration attempt: a new key.
    answer = json(201, receipt);
    await user.type(email, 'example.se');
    await user.click(screen.getByRole('button', { name: 'Anmäl mig' }));
    const heading = await screen.findByRole('heading', { name: 'Du är anmäld!' });
    expect(calls[2]!.headers.get('Idempotency-Key')).not.toBe(calls[0]!.headers.get('Idempotency-Key'));
    expect(calls[2]!.url).toContain(`/api/v1/dialogues/${sampleEvent().id}/registrations`);
    expect(document.activeElement).toBe(heading);
    expect(screen.getByText('ACDE3467')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Se, ändra eller avboka/ }).getAttribute('href')).toBe(`/anmalan#${receipt.manageToken}`);
  });

  it('offers only the modes of the format and says when one is full', () => {
    stubFetch(() => json(500, {}));
    renderForm(sampleEvent({ format: 'onSite', remoteParticipation: false }));
    expect(screen.queryByRole('radio')).toBeNull();
    expect(screen.getByText(/Du deltar på plats\./).textContent).toContain('du hamnar i kö');
  });

  it('says why registration is closed instead of showing the form', () => {
    render(
      <MemoryRouter>
        <RegistrationSection event={sampleEvent()} availability={{ ...open, open: false, closedReason: 'deadlinePassed' }} />
      </MemoryRouter>,
    );
    expect(screen.getByText('Sista anmälningsdagen har passerat.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Anmäl mig' })).toBeNull();
  });
});
