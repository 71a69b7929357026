/**
 * Swedish order for names, whatever the reader's language: Å, Ä and Ö come last, after Z, as in Swedish
 * (Aspudden, Västberga, Älvsjö, Örby slott). English readers of Swedish names get the same order.
 */
export const swedish = new Intl.Collator('sv');

/** A comparer of items by a name, in Swedish order. */
export function byName<T>(name: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => swedish.compare(name(a), name(b));
}

/** A sorted copy, in Swedish order of the name. */
export function sortedByName<T>(items: readonly T[], name: (item: T) => string): T[] {
  return [...items].sort(byName(name));
}
