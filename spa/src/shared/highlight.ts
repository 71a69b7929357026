import type { TextFinding } from '@trygghet/client';

export interface Segment {
  text: string;
  finding?: TextFinding;
}

/**
 * Splits one field's text at the confidentiality filter's findings (UTF-16 offsets into that field, as JavaScript
 * strings count), so each finding can be marked. Overlapping or out-of-range findings are clipped rather than trusted.
 * Pass only the findings of the field the text came from (see `inField`).
 */
export function highlightSegments(text: string, findings: readonly TextFinding[]): Segment[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const finding of sorted) {
    const start = Math.max(at, Math.min(finding.start, text.length));
    const end = Math.min(text.length, finding.start + finding.length);
    if (end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start) });
    segments.push({ text: text.slice(start, end), finding });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at) });
  return segments;
}

/** The findings of one field (`text`, `displayName`, `description` …). */
export function inField(findings: readonly TextFinding[], field: string): TextFinding[] {
  return findings.filter((f) => f.field === field);
}

/** What a finding covers in its field's text, as the moderator will read it quoted. */
export function foundText(text: string, finding: TextFinding): string {
  return text.slice(Math.max(0, finding.start), Math.max(0, finding.start + finding.length));
}
