import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, stubFetch } from '../events/testing';
import { PointField } from './PointField';
import { emptyPoint, type MeetingPoint, type PointValue } from './point';

const fruangen = { slug: 'fruangen', name: 'Fruängen', kind: 'neighbourhood' };

/** The field with its value held as a form would hold it; `changes` records what it reported. */
function renderField(meeting?: MeetingPoint) {
  const changes: PointValue[] = [];
  function Holder() {
    const [value, setValue] = useState<PointValue>(emptyPoint);
    return (
      <PointField
        value={value}
        meeting={meeting}
        onChange={(next) => {
          changes.push(next);
          setValue(next);
        }}
      />
    );
  }
  render(
    <Suspense fallback={<p>…</p>}>
      <Holder />
    </Suspense>,
  );
  return changes;
}

/** A device position service that answers as told: a position, or an error code (1 denied, 2 unavailable, 3 timeout). */
function stubGeolocation(answer: { latitude: number; longitude: number; accuracy: number } | { code: 1 | 2 | 3 }) {
  const getCurrentPosition = vi.fn((ok: PositionCallback, fail?: PositionErrorCallback | null) => {
    if ('code' in answer) fail?.({ code: answer.code, message: 'no', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
    else ok({ coords: { ...answer, altitude: null, altitudeAccuracy: null, heading: null, speed: null }, timestamp: Date.now() } as GeolocationPosition);
  });
  Object.defineProperty(navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true });
  return getCurrentPosition;
}

afterEach(() => {
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'geolocation');
});

describe('the point input', () => {
  it('takes the device position when allowed and says which neighbourhood it is in', async () => {
    const calls = stubFetch(() => json(200, fruangen));
    stubGeolocation({ latitude: 59.2857, longitude: 17.97, accuracy: 12.4 });
    const changes = renderField();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Använd min position' }));
    expect(await screen.findByText(/Platsen ligger i Fruängen\./)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Vald plats: din position (ungefär ±12 m).');
    expect(changes.at(-1)).toMatchObject({ lat: '59.285700', lon: '17.970000', source: 'device' });
    const locate = new URL(calls[0]!.url, 'http://localhost');
    expect(locate.pathname).toBe('/api/v1/areas/locate');
    expect(locate.searchParams.get('lat')).toBe('59.2857');
    expect(locate.searchParams.get('lon')).toBe('17.97');
    // The typed coordinates show the position too, to adjust by hand.
    expect(screen.getByLabelText('Latitud (nord)')).toHaveValue('59.285700');
  });

  it('explains a refused permission and what to do instead, without asking the API', async () => {
    const calls = stubFetch(() => json(200, fruangen));
    stubGeolocation({ code: 1 });
    const changes = renderField({ lat: 59.2842, lon: 17.9682, name: 'Fruängens tunnelbanestation' });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Använd min position' }));
    expect(screen.getByRole('status')).toHaveTextContent(/fick inte använda din position.*webbläsarens inställningar/);
    expect(changes).toHaveLength(0);
    expect(calls).toHaveLength(0);

    // The meeting point is the way out.
    await user.click(screen.getByRole('button', { name: 'Vid samlingsplatsen' }));
    expect(await screen.findByText(/Platsen ligger i Fruängen\./)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Vald plats: samlingsplatsen (Fruängens tunnelbanestation).');
    expect(screen.getByRole('status')).not.toHaveTextContent(/fick inte/);
    expect(changes.at(-1)).toMatchObject({ lat: '59.284200', lon: '17.968200', source: 'meeting' });
  });

  it('takes typed coordinates with a decimal comma and warns when they lie outside the district', async () => {
    const calls = stubFetch((call) =>
      new URL(call.url, 'http://localhost').searchParams.get('lat') === '59.3293'
        ? json(404, { title: 'Hittades inte', status: 404, detail: 'Punkten ligger inte i någon stadsdel i Hägersten-Älvsjö.' })
        : json(200, fruangen),
    );
    renderField();
    const user = userEvent.setup();
    await user.click(await screen.findByText('Ange koordinater'));
    await user.type(screen.getByLabelText('Latitud (nord)'), '59,3293');
    await user.type(screen.getByLabelText('Longitud (öst)'), '18,0686');
    expect(await screen.findByText(/Platsen ligger utanför Hägersten-Älvsjö/)).toBeInTheDocument();
    // Asked once, after typing paused, not for every key.
    expect(calls).toHaveLength(1);

    await user.clear(screen.getByLabelText('Latitud (nord)'));
    await user.type(screen.getByLabelText('Latitud (nord)'), '59,2857');
    expect(await screen.findByText(/Platsen ligger i Fruängen\./)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Vald plats: koordinaterna du angav.');
  });

  it('says so when the browser cannot share a position', async () => {
    stubFetch(() => json(200, fruangen));
    Object.defineProperty(navigator, 'geolocation', { value: undefined, configurable: true });
    renderField();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Använd min position' }));
    expect(screen.getByRole('status')).toHaveTextContent('Den här webbläsaren kan inte dela din position.');
    expect(screen.queryByRole('button', { name: 'Vid samlingsplatsen' })).toBeNull();
  });
});
