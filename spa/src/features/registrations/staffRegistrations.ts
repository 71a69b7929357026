import type { StaffRegistration } from '@trygghet/client';
import { api } from '../../shared/api';

/** All of an event's registrations as CSV (audited by the API); the contract describes it as a file. */
export async function exportRegistrationsCsv(eventId: string, signal?: AbortSignal): Promise<string> {
  const file = await api().exportRegistrations(eventId, signal);
  return file.data.text();
}

/**
 * Offers text as a file download: a Blob behind an object URL, clicked through a temporary `<a download>`. A byte
 * order mark first, so spreadsheet programs read å, ä and ö as UTF-8.
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const blob = new Blob(['\uFEFF', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The browser has taken the file once the click has been handled.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return blob;
}

/** The CSV's file name: the event's slug, or its id, and today's date. */
export function csvFileName(slugOrId: string, today = new Date()): string {
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(today);
  return `anmalningar-${slugOrId}-${day}.csv`;
}

/** What the door is told after a check-in. */
export interface CheckInResult {
  registration: StaffRegistration;
  /** Checked in before this attempt (the API keeps the first time and answers 200 again). */
  already: boolean;
}

/**
 * Whether the answer to a check-in sent at `sentAt` is a repeat: the list already showed the registration checked
 * in, or the check-in time the API kept is well before this attempt (two minutes leave room for clock drift).
 */
export function checkInResult(registration: StaffRegistration, sentAt: number, known?: StaffRegistration): CheckInResult {
  const at = registration.checkedInAt ? Date.parse(registration.checkedInAt) : NaN;
  const already = !!known?.checkedInAt || (Number.isFinite(at) && at < sentAt - 120_000);
  return { registration, already };
}

/** A list page with one registration replaced by its newer version (after a check-in). */
export function replaceRegistration(items: StaffRegistration[], updated: StaffRegistration): StaffRegistration[] {
  return items.map((r) => (r.id === updated.id ? updated : r));
}
