/** Mastodon's scopes that let a token change something (those the playground's API takes). */
export const changes = (scope: string) => /^(write|follow|push|admin)(:|$)/.test(scope);

/** Mastodon's scopes that let a token read: read itself, or one of its parts (read:statuses). */
export const reads = (scope: string) => /^read(:|$)/.test(scope);
