import { describe, expect, it } from 'vitest';
import { consentVersion, emptyDraft, isFull, modesFor, toRequest, tokenFromHash } from './registration';

describe('registration rules', () => {
  it('offers both modes for a hybrid event and one for the others', () => {
    expect(modesFor('hybrid')).toEqual(['onSite', 'remote']);
    expect(modesFor('remote')).toEqual(['remote']);
    expect(modesFor('onSite')).toEqual(['onSite']);
    expect(emptyDraft('remote').mode).toBe('remote');
  });

  it('tells a full mode from an unlimited one', () => {
    const availability = { open: true, deadline: '2027-03-09T18:00:00+01:00', onSite: { capacity: 20, available: 0, waitlisted: 3 }, remote: { capacity: null, available: null, waitlisted: 0 } };
    expect(isFull(availability, 'onSite')).toBe(true);
    expect(isFull(availability, 'remote')).toBe(false);
    expect(isFull(undefined, 'onSite')).toBe(false);
  });

  it('sends trimmed answers, leaves out empty ones and the consent version only when agreed', () => {
    const request = toRequest({ mode: 'remote', name: '  ', email: ' ana@example.se ', needs: 'Hörslinga', consent: true });
    expect(request).toEqual({ mode: 'remote', consentVersion, email: 'ana@example.se', name: null, accessibilityNeeds: 'Hörslinga' });
    expect(toRequest({ ...emptyDraft('onSite'), consent: false }).consentVersion).toBe('');
  });

  it('reads the token after #', () => {
    expect(tokenFromHash('#abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromHash('')).toBe('');
  });
});
