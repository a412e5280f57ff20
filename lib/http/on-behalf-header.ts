/** The header the server signs on calls it makes for a learner (./on-behalf.ts); pure, so browsers may read it. */
export const ON_BEHALF_HEADER = 'x-playground-on-behalf';
