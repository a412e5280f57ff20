export type { WalkthroughActor } from '@/machines/walkthrough/create-walkthrough-machine';
export type { AutopilotActor } from '@/machines/walkthrough/autopilot-machine';
