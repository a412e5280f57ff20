import type { DemoClientSummary } from '@/lib/oidc/clients';
import { RESOURCE_PATH } from '@/lib/oidc/resource-server';
import { ThisOrigin } from '../ui/this-origin';

type Props = { clients: DemoClientSummary[] };

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
      <div
        className="mt-3 overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label="Clients table, scrolls sideways on a narrow screen"
      >
        <table className="w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                Client
              </th>
              <th scope="col" className="p-2">
                client_id
              </th>
              <th scope="col" className="p-2">
                client_secret
              </th>
              <th scope="col" className="p-2">
                Grants
              </th>
              <th scope="col" className="p-2">
                Authentication
              </th>
            </tr>
          </thead>
          <tbody>
            {clients.map((client) => (
              <tr key={client.client_id} className="border-b border-slate-200 align-top">
                <td className="p-2">{String(client.client_name)}</td>
                <td className="p-2">
                  <code>{client.client_id}</code>
                </td>
                <td className="p-2">
                  {client.client_secret ? (
                    <code>{client.client_secret}</code>
                  ) : client.token_endpoint_auth_method === 'private_key_jwt' ? (
                    'none (signs with its private key)'
                  ) : (
                    'none (public client)'
                  )}
                </td>
                <td className="p-2">{(client.grant_types ?? []).join(', ') || '—'}</td>
                <td className="p-2">
                  <code>{client.token_endpoint_auth_method}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
