import type { ActorRefFrom } from 'xstate';
import type { WalkthroughMachine } from '@/machines/walkthrough/create-walkthrough-machine';

export type WalkthroughActor = ActorRefFrom<WalkthroughMachine>;
