type Props = { accounts: Array<{ username: string; password: string; name: string; email: string }> };

export function DemoAccounts({ accounts }: Props) {
  return (
    <section aria-labelledby="demo-accounts">
      <h2 id="demo-accounts" className="text-2xl font-bold">
        Demo accounts
      </h2>
      <p className="mt-1 text-slate-700">
        Sign in to the authorization server as one of these resource owners.
      </p>
      {/* Its own scroll on a phone, so the page never scrolls sideways. */}
      <div
        className="mt-3 overflow-x-auto"
        tabIndex={0}
        role="region"
        aria-label="Accounts table, scrolls sideways on a narrow screen"
      >
        <table className="w-full border-collapse bg-white text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="p-2">
                Username
              </th>
              <th scope="col" className="p-2">
                Password
              </th>
              <th scope="col" className="p-2">
                Name
              </th>
              <th scope="col" className="p-2">
                Email
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.username} className="border-b border-slate-200">
                <td className="p-2">
                  <code>{account.username}</code>
                </td>
                <td className="p-2">
                  <code>{account.password}</code>
                </td>
                <td className="p-2">{account.name}</td>
                <td className="p-2">{account.email}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
