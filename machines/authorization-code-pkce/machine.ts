import { createWalkthroughMachine } from '../walkthrough/create-walkthrough-machine';
import { authorizationCodePkce } from './steps';

export const authorizationCodePkceMachine = createWalkthroughMachine(authorizationCodePkce);
