import { createWalkthroughMachine } from '../walkthrough/create-walkthrough-machine';
import { mastodon, mastodonOob } from './steps';

export const mastodonMachine = createWalkthroughMachine(mastodon);
export const mastodonOobMachine = createWalkthroughMachine(mastodonOob);
