import { describe, expect, it } from 'vitest';
import { formatRoomCode, newRoomCode, normalizeRoomCode, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from './code';

describe('room codes', () => {
  it('are 8 symbols from a 32-symbol alphabet, every symbol in use', () => {
    expect(new Set(ROOM_CODE_ALPHABET).size).toBe(32);
    const seen = new Set<string>();
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const code = newRoomCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
      codes.add(code);
      for (const symbol of code) seen.add(symbol);
    }
    expect(ROOM_CODE_LENGTH).toBeGreaterThanOrEqual(6);
    expect(codes.size).toBe(2000);
    expect(seen.size).toBe(32);
  });

  it('reads what people type: lower case, a dash or spaces, O for zero, I or L for one', () => {
    expect(normalizeRoomCode('abcd-2345')).toBe('ABCD2345');
    expect(normalizeRoomCode(' ABCD 2345 ')).toBe('ABCD2345');
    expect(normalizeRoomCode('OOIL-2345')).toBe('0011' + '2345');
    expect(formatRoomCode('ABCD2345')).toBe('ABCD-2345');
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'ABC', 'ABCD23456', 'ABCD-234U', 'ABCD/234', '../../x'])
      expect(normalizeRoomCode(bad)).toBeUndefined();
  });
});
