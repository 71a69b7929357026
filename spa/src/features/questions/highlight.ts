import type { PersonalDataFlag } from '@trygghet/client';

export interface Segment {
  text: string;
  flag?: PersonalDataFlag;
}

/**
 * Splits a question's text at the confidentiality filter's findings (UTF-16 offsets, as JavaScript strings count),
 * so each finding can be marked. Overlapping or out-of-range findings are clipped rather than trusted.
 */
export function highlightSegments(text: string, flags: readonly PersonalDataFlag[]): Segment[] {
  const sorted = [...flags].sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let at = 0;
  for (const flag of sorted) {
    const start = Math.max(at, Math.min(flag.start, text.length));
    const end = Math.min(text.length, flag.start + flag.length);
    if (end <= start) continue;
    if (start > at) segments.push({ text: text.slice(at, start) });
    segments.push({ text: text.slice(start, end), flag });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at) });
  return segments;
}
