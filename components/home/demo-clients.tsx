import type { DemoClientSummary } from '@/lib/oidc/clients';
import { RESOURCE_PATH } from '@/lib/oidc/resource-server';
import { ThisOrigin } from '../ui/this-origin';
import { WideTable } from '../ui/wide-table';

type Props = { clients: DemoClientSummary[] };

function secretOf(client: DemoClientSummary) {
  if (client.client_secret) return <code>{client.client_secret}</code>;
  return client.token_endpoint_auth_method === 'private_key_jwt'
    ? 'none (signs with its private key)'
    : 'none (public client)';
}

export function DemoClients({ clients }: Props) {
  return (
    <section aria-labelledby="demo-clients">
      <h2 id="demo-clients" className="text-2xl font-bold">
        Demo clients
      </h2>
      <p className="mt-1 text-slate-700">
        Registered with the authorization server, with documented secrets (it is a playground). Ask for{' '}
        <code>
          resource=
          <ThisOrigin path={RESOURCE_PATH} />
        </code>{' '}
        to get a JWT access token for the playground&apos;s API; without it, access tokens are opaque. You can
        also register your own client at <code>/oidc/reg</code>.
      </p>
      <WideTable
        label="Clients table, scrolls sideways on a narrow screen"
        columns={['Client', 'client_id', 'client_secret', 'Grants', 'Authentication']}
        rows={clients}
        keyOf={(client) => client.client_id}
        align="top"
        cellsOf={(client) => [
          String(client.client_name),
          <code key="id">{client.client_id}</code>,
          secretOf(client),
          (client.grant_types ?? []).join(', ') || '—',
          <code key="method">{client.token_endpoint_auth_method}</code>,
        ]}
      />
    </section>
  );
}
