import type { LabClient } from '../../../lib/attacks/types';

/**
 * The attacker's own way to a real JWT access token (its own account, bob): a public lab app with the
 * password grant. Not weak itself: the weakness of this scenario is the lab resource server's.
 */
export const apiReader: LabClient = {
  client_id: 'lab-api-reader',
  type: 'public',
  metadata: () => ({
    client_name: 'Attack lab API reader (password grant)',
    grant_types: ['password'],
    response_types: [],
    redirect_uris: [],
  }),
};
