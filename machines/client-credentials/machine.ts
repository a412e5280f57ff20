import { createWalkthroughMachine } from '../walkthrough/create-walkthrough-machine';
import { clientCredentials } from './steps';

export const clientCredentialsMachine = createWalkthroughMachine(clientCredentials);
