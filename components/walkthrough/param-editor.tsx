import { useId } from 'react';
import type { ParamSpec } from '@/lib/walkthrough/types';

const field = 'mt-1 block w-full rounded border border-slate-500 px-2 py-1 font-mono text-sm';

export function ParamEditor({
  param,
  value,
  onChange,
}: {
  param: ParamSpec;
  value: string;
  onChange(value: string): void;
}) {
  const id = `${useId()}-${param.name}`;
  return (
    <div>
      <label htmlFor={id} className="font-mono text-sm font-semibold">
        {param.label}
      </label>
      {param.options ? (
        <select
          id={id}
          className={field}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={`${id}-help`}
        >
          {param.options.map((option) => (
            <option key={option} value={option}>
              {option || '(leave out)'}
            </option>
          ))}
        </select>
      ) : param.multiline ? (
        <textarea
          id={id}
          className={`${field} font-sans`}
          rows={4}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={`${id}-help`}
        />
      ) : (
        <input
          id={id}
          className={field}
          value={value}
          onChange={(event) => onChange(event.target.value)}
          aria-describedby={`${id}-help`}
        />
      )}
      <p id={`${id}-help`} className="mt-1 text-xs text-slate-600">
        {param.help}
      </p>
    </div>
  );
}
