import type { PersonalDataKind, TextFinding } from '@trygghet/client';
import type { Problem } from './api';
import { foundText } from './highlight';

const kinds: readonly PersonalDataKind[] = ['personalIdentityNumber', 'coordinationNumber', 'phoneNumber', 'email', 'streetAddress'];

function isFinding(value: unknown): value is TextFinding {
  const f = value as Partial<TextFinding> | null;
  return !!f && typeof f.field === 'string' && kinds.includes(f.kind as PersonalDataKind) && typeof f.start === 'number' && typeof f.length === 'number';
}

/** The confidentiality filter's findings a 422 carries in its `findings` extension (none for any other problem). */
export function findingsOf(problem: Problem | null | undefined): TextFinding[] {
  const value = problem?.status === 422 ? problem.extensions.findings : undefined;
  return Array.isArray(value) ? value.filter(isFinding) : [];
}

/**
 * A 422 with findings as field messages: each field's findings become one message next to that field (`describe`
 * words them, with the text it quotes from `texts`), so the form marks the field and says what to rephrase. `as`
 * names the form's field where the API's differs (a redaction's `text` is screened as the `description`). The API's
 * own detail is dropped: it names the extension, not the field. Any other problem comes back unchanged.
 */
export function withFindingErrors(
  problem: Problem | null,
  texts: Record<string, string | null | undefined>,
  describe: (found: { finding: TextFinding; text: string }[]) => string,
  as: Record<string, string> = {},
): Problem | null {
  const findings = findingsOf(problem);
  if (!problem || findings.length === 0) return problem;
  const errors: Record<string, string[]> = { ...problem.errors };
  for (const field of [...new Set(findings.map((f) => f.field))]) {
    const text = texts[field] ?? '';
    const found = findings.filter((f) => f.field === field).map((finding) => ({ finding, text: foundText(text, finding) }));
    const name = as[field] ?? field;
    errors[name] = [...(errors[name] ?? []), describe(found)];
  }
  return { ...problem, detail: undefined, errors };
}
