import { createWalkthroughMachine } from '../walkthrough/create-walkthrough-machine';
import { deviceCode } from './steps';

export const deviceCodeMachine = createWalkthroughMachine(deviceCode);
