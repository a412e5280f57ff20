import type { ReactNode, Ref } from 'react';

const button = 'rounded-lg px-5 py-2 font-semibold disabled:cursor-not-allowed disabled:opacity-50';

/**
 * The step's action bar: what the last send did (its outcome) above "Back", "Next step" and "Restart".
 * It sticks to the bottom of the step pane (of the screen, on a phone), so that the result and the way
 * forward are where the learner is looking, however long the step is.
 */
export function StepActions({
  ref,
  label,
  outcome,
  backDisabled,
  nextDisabled,
  nextLabel,
  onBack,
  onNext,
  onRestart,
}: {
  ref?: Ref<HTMLDivElement>;
  /** "Step 3: Exchange the code…": the group's name, which a screen reader says when it takes the focus. */
  label: string;
  outcome?: ReactNode;
  backDisabled: boolean;
  nextDisabled: boolean;
  nextLabel: string;
  onBack(): void;
  onNext(): void;
  onRestart(): void;
}) {
  return (
    <div
      ref={ref}
      data-step-actions
      role="group"
      aria-label={label}
      tabIndex={-1}
      className="sticky bottom-0 z-10 -mx-5 -mb-5 mt-5 rounded-b-xl border-t border-slate-200 bg-white px-5 py-3 shadow-[0_-4px_8px_-6px_rgba(15,23,42,0.25)]"
    >
      {outcome}
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={`${button} bg-slate-200 text-slate-900 hover:bg-slate-300`}
          disabled={backDisabled}
          onClick={onBack}
        >
          Back
        </button>
        <button
          type="button"
          className={`${button} bg-as-accent text-white hover:bg-as`}
          disabled={nextDisabled}
          onClick={onNext}
        >
          {nextLabel}
        </button>
        <button
          type="button"
          className={`${button} bg-white text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50`}
          onClick={onRestart}
        >
          Restart
        </button>
      </div>
    </div>
  );
}
