import type { LabClient } from '../../../lib/attacks/types';

const spa = (name: string) => () => ({
  client_name: name,
  grant_types: ['password', 'refresh_token'],
  response_types: [],
  redirect_uris: [],
});

/**
 * DELIBERATELY VULNERABLE, lab only: a public single-page app whose refresh tokens are not rotated, so
 * one stolen refresh token keeps working for its whole lifetime. Registered for /attacks only.
 */
export const spaWithoutRotation: LabClient = {
  client_id: 'lab-spa-without-rotation',
  type: 'public',
  metadata: spa('Attack lab SPA without refresh token rotation (deliberately vulnerable)'),
  weaknesses: { rotateRefreshToken: false },
};

/** The same app with the defense: every refresh rotates the token, as the walkthroughs' clients do. */
export const spaWithRotation: LabClient = {
  client_id: 'lab-spa-with-rotation',
  type: 'public',
  metadata: spa('Attack lab SPA with refresh token rotation'),
};
