import { createWalkthroughMachine } from '../walkthrough/create-walkthrough-machine';
import { implicit } from './steps';

export const implicitMachine = createWalkthroughMachine(implicit);
