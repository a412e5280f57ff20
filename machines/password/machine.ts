import { createWalkthroughMachine } from '../walkthrough/create-walkthrough-machine';
import { password } from './steps';

export const passwordMachine = createWalkthroughMachine(password);
