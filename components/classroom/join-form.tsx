'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

/** A code as people type it; the room page checks it with the server (which limits guessing). */
export function JoinForm({ initialProblem }: { initialProblem?: string }) {
  const router = useRouter();
  const fieldId = useId();
  const errorId = useId();
  const [problem, setProblem] = useState(initialProblem);
  return (
    <form
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const value = String(new FormData(event.currentTarget).get('code') ?? '')
          .toUpperCase()
          .replace(/[\s-]/g, '');
        if (!/^[0-9A-Z]{8}$/.test(value))
          return setProblem('A room code is 8 letters and digits, like ABCD-2345.');
        router.push(`/join/${value}`);
      }}
    >
      <label htmlFor={fieldId} className="block font-semibold">
        Join code
      </label>
      <input
        id={fieldId}
        name="code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        className="block w-full rounded-lg border border-slate-500 px-3 py-2 font-mono text-2xl tracking-widest uppercase"
      />
      {problem ? (
        <p id={errorId} role="alert" className="text-red-800">
          {problem}
        </p>
      ) : null}
      <button
        type="submit"
        className="rounded-lg bg-as-accent px-5 py-2 font-semibold text-white hover:bg-as"
      >
        Join
      </button>
    </form>
  );
}
