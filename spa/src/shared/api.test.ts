import { ApiException } from '@trygghet/client';
import { describe, expect, it, vi } from 'vitest';
import { api, toProblem } from './api';
import { session } from './session';

describe('problems from the API', () => {
  it('reads a validation problem the client threw as its parsed body', () => {
    const problem = toProblem({ type: 'x', title: 'Ogiltig begäran', status: 400, errors: { Email: ['Ange en giltig e-postadress.'] }, traceId: 't' });
    expect(problem.status).toBe(400);
    expect(problem.title).toBe('Ogiltig begäran');
    expect(problem.errors).toEqual({ Email: ['Ange en giltig e-postadress.'] });
    expect(problem.extensions).toEqual({ traceId: 't' });
  });

  it('reads a problem from an ApiException response text', () => {
    const error = new ApiException('Conflict', 409, JSON.stringify({ title: 'Fullbokat', status: 409, detail: 'Inga platser kvar.' }), {}, null);
    expect(toProblem(error)).toMatchObject({ status: 409, title: 'Fullbokat', detail: 'Inga platser kvar.' });
  });

  it('treats a failed fetch as status 0 (offline)', () => {
    expect(toProblem(new TypeError('Failed to fetch')).status).toBe(0);
  });
});

describe('the client', () => {
  it('sends the page language and, once staff signed in, the bearer token', async () => {
    const fetch = vi.fn(async () => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    await api().listAreas();
    let headers = new Headers((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers);
    expect(headers.get('Accept-Language')).toBe('sv');
    expect(headers.get('Authorization')).toBeNull();
    // What the browser holds is revalidated: a public answer may be kept a minute by caches, the app shows what is current.
    expect((fetch.mock.calls[0] as unknown as [string, RequestInit])[1].cache).toBe('no-cache');

    session.signIn({ token: 'abc', role: 'staff', name: 'staff', expiresAt: Date.now() + 60_000 });
    await api().listAreas();
    headers = new Headers((fetch.mock.calls[1] as unknown as [string, RequestInit])[1].headers);
    expect(headers.get('Authorization')).toBe('Bearer abc');
    vi.unstubAllGlobals();
  });

  it('forgets an expired sign-in', () => {
    session.signIn({ token: 'old', role: 'staff', name: 'staff', expiresAt: Date.now() - 1 });
    expect(session.token()).toBeNull();
  });
});
