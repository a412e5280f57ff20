/** Where this browser keeps the instructor's room (room-storage.ts reads and checks it). */
export const ROOM_KEY = 'playground:classroom:room';

/**
 * Whether this browser has a classroom room open: then a walkthrough loads the room's panel at once, to
 * go on telling the room where it is; otherwise only when the instructor opens "Classroom".
 */
export const hasInstructorRoom = (): boolean => localStorage.getItem(ROOM_KEY) !== null;
