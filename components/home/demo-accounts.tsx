import { WideTable } from '../ui/wide-table';

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
      <WideTable
        label="Accounts table, scrolls sideways on a narrow screen"
        columns={['Username', 'Password', 'Name', 'Email']}
        rows={accounts}
        keyOf={(account) => account.username}
        cellsOf={(account) => [
          <code key="username">{account.username}</code>,
          <code key="password">{account.password}</code>,
          account.name,
          account.email,
        ]}
      />
    </section>
  );
}
