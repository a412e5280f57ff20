/** Name/value pairs as a definition list: the parameters a redirect carried. */
export function ParameterList({
  label,
  entries,
}: {
  label: string;
  entries: Array<readonly [string, string]>;
}) {
  if (!entries.length) return <p>None.</p>;
  return (
    <dl aria-label={label} className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 rounded bg-white p-4">
      {entries.map(([name, value]) => (
        <div key={`${name}=${value}`} className="contents">
          <dt className="font-semibold">
            <code>{name}</code>
          </dt>
          <dd className="break-all">
            <code>{value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
