import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '@/lib/testing/memory-storage';
import { loadInstructorRoom, loadStudentMode, problemOf, saveInstructorRoom } from './room-storage';

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
  vi.stubGlobal('sessionStorage', memoryStorage());
});
afterEach(() => vi.unstubAllGlobals());

describe('what the classroom keeps in the browser', () => {
  it('loads the instructor’s room it saved', () => {
    const room = { code: 'ABCD', displayCode: 'AB-CD', joinUrl: 'http://x/join/ABCD', key: 'secret' };
    saveInstructorRoom(room);
    expect(loadInstructorRoom()).toEqual(room);
  });

  it('loads no room from a stale or broken entry', () => {
    localStorage.setItem('playground:classroom:room', '{"code":"ABCD"');
    expect(loadInstructorRoom()).toBeUndefined();
    localStorage.setItem('playground:classroom:room', '{"code":"ABCD","displayCode":"AB-CD","joinUrl":"x"}');
    expect(loadInstructorRoom()).toBeUndefined();
  });

  it('follows the instructor unless a well-formed choice to explore was kept', () => {
    expect(loadStudentMode('ABCD')).toEqual({ mode: 'follow' });
    sessionStorage.setItem('playground:classroom:mode:ABCD', '{"mode":"explore"}');
    expect(loadStudentMode('ABCD')).toEqual({ mode: 'follow' });
    sessionStorage.setItem('playground:classroom:mode:ABCD', '{"mode":"explore","slug":"device-code"}');
    expect(loadStudentMode('ABCD')).toEqual({ mode: 'explore', slug: 'device-code' });
  });

  it('reads an error answer’s description, or says the status', async () => {
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 400 });
    expect(await problemOf(json({ error: 'x', error_description: 'No such room.' }))).toBe('No such room.');
    expect(await problemOf(json({ error_description: 42 }))).toBe('The playground answered 400.');
    expect(await problemOf(new Response('<html>', { status: 502 }))).toBe('The playground answered 502.');
  });
});
