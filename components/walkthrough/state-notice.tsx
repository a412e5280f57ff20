/** Said before the redirect when the request carries no state, and after it when none came back. */
export function StateNotice({ text }: { text: string }) {
  return (
    <p className="mt-4 rounded-lg border-l-4 border-amber-600 bg-amber-50 px-4 py-3 text-slate-900">
      <span className="font-semibold">No state. </span>
      {text}
    </p>
  );
}
