import { describe, expect, it } from 'vitest';
import { byName, sortedByName, swedish } from './collation';

describe('Swedish order', () => {
  it('puts Å, Ä and Ö after Z, not with A and O', () => {
    const names = ['Älvsjö', 'Örby slott', 'Västberga', 'Aspudden', 'Åkeshov', 'Zinkensdamm', 'Orby'];
    expect([...names].sort(swedish.compare)).toEqual(['Aspudden', 'Orby', 'Västberga', 'Zinkensdamm', 'Åkeshov', 'Älvsjö', 'Örby slott']);
  });

  it('sorts items by their name and leaves the input alone', () => {
    const areas = [{ name: 'Örby slott' }, { name: 'Älvsjö' }, { name: 'Aspudden' }, { name: 'Västberga' }];
    expect(sortedByName(areas, (a) => a.name).map((a) => a.name)).toEqual(['Aspudden', 'Västberga', 'Älvsjö', 'Örby slott']);
    expect(areas[0]!.name).toBe('Örby slott');
    expect([...areas].sort(byName((a) => a.name))[3]!.name).toBe('Örby slott');
  });
});
