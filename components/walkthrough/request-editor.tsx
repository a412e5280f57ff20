'use client';

import { useId, useRef, useState } from 'react';
import { parametersOf } from '@/machines/walkthrough/request-edits';
import type { RequestEdits, StepAction } from '@/lib/walkthrough/types';

const field = 'block w-full rounded border border-slate-500 px-2 py-1 font-mono text-sm';
const button = 'rounded border border-slate-400 px-2 py-1 text-sm hover:bg-slate-50';

/**
 * "Edit any parameter": every parameter of the request the step is about to send, each one changeable
 * or removable, and a way to add one. It sends events; the machine applies them to the request
 * (machines/walkthrough/request-edits.ts). Parameters the step's own editors change are changed there.
 */
export function RequestEditor({
  action,
  edits,
  ownEditors,
  onSet,
  onRemove,
  onRestore,
}: {
  action: StepAction;
  edits: RequestEdits | undefined;
  /** The names the step's own editors ("Parameters you can change") already change. */
  ownEditors: readonly string[];
  onSet(name: string, value: string): void;
  onRemove(name: string): void;
  onRestore(name: string): void;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const nameInput = useRef<HTMLInputElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const parameters = parametersOf(action);
  // A parameter the step writes and the learner left out can be put back; an added one is simply gone.
  const removed = edits?.removed ?? [];
  const add = () => {
    if (!name.trim()) return nameInput.current?.focus();
    onSet(name.trim(), value);
    setName('');
    setValue('');
    nameInput.current?.focus();
  };
  return (
    <div data-chrome className="mt-4">
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-editor`}
        className={button}
        onClick={() => setOpen(!open)}
      >
        Edit any parameter
      </button>
      {open ? (
        <div id={`${id}-editor`} className="mt-2 space-y-3 rounded-lg border border-slate-300 p-3">
          <p className="text-sm text-slate-700">
            Every parameter of the request below: change one, leave one out, or add your own. The server
            answers what you send, refusals included.
          </p>
          <ul className="space-y-2">
            {parameters.map(([parameter, current]) => (
              <li key={parameter} className="grid grid-cols-[minmax(6rem,auto)_1fr_auto] items-center gap-2">
                <code className="text-sm font-semibold">{parameter}</code>
                {ownEditors.includes(parameter) ? (
                  <span className="text-sm text-slate-600">changed above</span>
                ) : (
                  <input
                    aria-label={`Value of ${parameter}`}
                    className={field}
                    value={current}
                    onChange={(event) => onSet(parameter, event.target.value)}
                  />
                )}
                <button type="button" className={button} onClick={() => onRemove(parameter)}>
                  Remove {parameter}
                </button>
              </li>
            ))}
          </ul>
          {removed.length ? (
            <p className="flex flex-wrap items-center gap-2 text-sm">
              Left out:
              {removed.map((parameter) => (
                <button key={parameter} type="button" className={button} onClick={() => onRestore(parameter)}>
                  Put back {parameter}
                </button>
              ))}
            </p>
          ) : null}
          <div className="grid grid-cols-[1fr_2fr_auto] items-end gap-2">
            <label className="text-sm font-semibold">
              New parameter name
              <input
                ref={nameInput}
                className={`${field} mt-1`}
                value={name}
                onChange={(event) => setName(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') add();
                }}
              />
            </label>
            <label className="text-sm font-semibold">
              New parameter value
              <input
                className={`${field} mt-1`}
                value={value}
                onChange={(event) => setValue(event.target.value)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') add();
                }}
              />
            </label>
            <button type="button" className={button} onClick={add}>
              Add a parameter
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
