import { createWalkthroughMachine } from '../walkthrough/create-walkthrough-machine';
import { authorizationCode } from './steps';

export const authorizationCodeMachine = createWalkthroughMachine(authorizationCode);
