import { authorizationCodePkceMachine } from './authorization-code-pkce/machine';
import { authorizationCodePkce } from './authorization-code-pkce/steps';
import { authorizationCodeMachine } from './authorization-code/machine';
import { authorizationCode } from './authorization-code/steps';
import { clientCredentialsMachine } from './client-credentials/machine';
import { clientCredentials } from './client-credentials/steps';
import { deviceCodeMachine } from './device-code/machine';
import { deviceCode } from './device-code/steps';
import { implicitMachine } from './implicit/machine';
import { implicit } from './implicit/steps';
import { passwordMachine } from './password/machine';
import { password } from './password/steps';
import { refreshTokenMachine } from './refresh-token/machine';
import { refreshToken } from './refresh-token/steps';
import type { WalkthroughMachine } from './walkthrough/create-walkthrough-machine';
import type { GrantDefinition } from '../lib/walkthrough/types';

export type Walkthrough = { grant: GrantDefinition; machine: WalkthroughMachine };

/** The registry: adding a grant means adding its folder and one line here. */
export const WALKTHROUGHS: readonly Walkthrough[] = [
  { grant: authorizationCode, machine: authorizationCodeMachine },
  { grant: authorizationCodePkce, machine: authorizationCodePkceMachine },
  { grant: implicit, machine: implicitMachine },
  { grant: clientCredentials, machine: clientCredentialsMachine },
  { grant: password, machine: passwordMachine },
  { grant: deviceCode, machine: deviceCodeMachine },
  { grant: refreshToken, machine: refreshTokenMachine },
];

export const walkthroughBySlug = (slug: string) => WALKTHROUGHS.find((entry) => entry.grant.slug === slug);
