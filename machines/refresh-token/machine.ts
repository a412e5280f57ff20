import { createWalkthroughMachine } from '../walkthrough/create-walkthrough-machine';
import { refreshToken } from './steps';

export const refreshTokenMachine = createWalkthroughMachine(refreshToken);
