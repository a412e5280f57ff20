import { describe, expect, it, vi } from 'vitest';
import { laterModule } from './later-module';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('laterModule', () => {
  it('has nothing until the module arrives, then tells every reader once', async () => {
    let arrive!: (module: { text: string }) => void;
    const load = vi.fn(() => new Promise<{ text: string }>((resolve) => (arrive = resolve)));
    const later = laterModule(load);
    const reader = vi.fn();
    const unsubscribe = later.subscribe(reader);
    later.subscribe(vi.fn());
    expect(later.read()).toBeUndefined();
    arrive({ text: 'arrived' });
    await settle();
    expect(later.read()).toEqual({ text: 'arrived' });
    expect(reader).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
    unsubscribe();
  });

  it('reads a preloaded module at once, loading it only once', async () => {
    const load = vi.fn(async () => ({ text: 'ready' }));
    const later = laterModule(load);
    later.preload();
    later.preload();
    await settle();
    const reader = vi.fn();
    later.subscribe(reader);
    expect(later.read()).toEqual({ text: 'ready' });
    expect(reader).not.toHaveBeenCalled();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load', async () => {
    const load = vi
      .fn<() => Promise<{ text: string }>>()
      .mockRejectedValueOnce(new Error('chunk dropped'))
      .mockResolvedValueOnce({ text: 'second try' });
    const later = laterModule(load);
    later.preload();
    await settle();
    expect(later.read()).toBeUndefined();
    later.subscribe(vi.fn());
    await settle();
    expect(later.read()).toEqual({ text: 'second try' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
