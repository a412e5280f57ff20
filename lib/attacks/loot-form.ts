/**
 * The form a stolen value is handed to the attacker's server in (POST /api/attacker/loot, ./exfiltration.ts):
 * named by its wire name, so that the recorded exchange shows what was stolen. Data only: the lab's
 * scenarios, which the browser loads, build their requests with it.
 */
export function lootForm(
  kind: 'code' | 'refresh_token' | 'access_token',
  value: string,
  client_id: string,
): Record<string, string> {
  const stolen: Record<string, string> =
    kind === 'access_token' ? { token: value, token_type_hint: 'access_token' } : { [kind]: value };
  return { ...stolen, client_id };
}
