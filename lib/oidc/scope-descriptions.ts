/** What each scope lets a client do, in the words a consent page should use. */
const DESCRIPTIONS: Record<string, string> = {
  openid: 'Sign you in and learn your account identifier',
  profile: 'See your name, username and profile details',
  email: 'See your email address and whether it is verified',
  offline_access: 'Keep access when you are not using it (a refresh token)',
  read: 'Read everything in your account',
  write: 'Change everything in your account: post, edit and delete',
  follow: 'Follow, block and mute accounts for you',
  push: 'Receive your push notifications',
};

export function describeScope(scope: string): string {
  const known = DESCRIPTIONS[scope];
  if (known) return known;
  const [access, area] = scope.split(':');
  if ((access === 'read' || access === 'write') && area) {
    return `${access === 'read' ? 'Read' : 'Change'} your ${area.replace(/_/g, ' ')}`;
  }
  return `Use the "${scope}" permission`;
}
