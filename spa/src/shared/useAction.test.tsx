import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAction } from './useAction';

describe('an action against the API', () => {
  it('is busy while in flight and keeps the problem when it fails', async () => {
    const { result } = renderHook(() => useAction());
    let finish!: () => void;
    let outcome: Promise<boolean>;
    act(() => {
      outcome = result.current.run(() => new Promise<void>((resolve) => (finish = resolve)));
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      finish();
      expect(await outcome).toBe(true);
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.problem).toBeNull();

    await act(async () => {
      const ok = await result.current.run(async () => {
        // The generated client throws the problem body it parsed, not an Error: run() must take that.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw { title: 'Fullbokat', status: 409, detail: 'Inga platser kvar.' };
      });
      expect(ok).toBe(false);
    });
    expect(result.current.problem).toMatchObject({ status: 409, title: 'Fullbokat' });
    expect(result.current.busy).toBe(false);
  });
});
