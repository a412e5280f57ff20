import { describe, expect, it } from 'vitest';
import { OpenRooms } from './open-rooms';

describe('rooms open at once', () => {
  it('refuses an address more rooms than perAddress while they are open', async () => {
    const open = new Set<string>();
    const rooms = new OpenRooms(async (code) => open.has(code), 2, 10);
    for (const code of ['A', 'B']) {
      expect(await rooms.admit('1.2.3.4')).toEqual({ ok: true });
      rooms.opened('1.2.3.4', code);
      open.add(code);
    }
    expect(await rooms.admit('1.2.3.4')).toEqual({ ok: false, over: 'address' });
    expect(await rooms.admit('5.6.7.8')).toEqual({ ok: true });
  });

  it('lets an address open another room once one of its rooms has ended', async () => {
    const open = new Set(['A', 'B']);
    const rooms = new OpenRooms(async (code) => open.has(code), 2, 10);
    rooms.opened('1.2.3.4', 'A');
    rooms.opened('1.2.3.4', 'B');
    open.delete('A');
    expect(await rooms.admit('1.2.3.4')).toEqual({ ok: true });
  });

  it('refuses everyone once the server holds `overall` open rooms', async () => {
    const open = new Set(['A', 'B', 'C']);
    const rooms = new OpenRooms(async (code) => open.has(code), 5, 3);
    rooms.opened('1.1.1.1', 'A');
    rooms.opened('2.2.2.2', 'B');
    rooms.opened('3.3.3.3', 'C');
    expect(await rooms.admit('4.4.4.4')).toEqual({ ok: false, over: 'total' });
    open.delete('B');
    expect(await rooms.admit('4.4.4.4')).toEqual({ ok: true });
  });
});
