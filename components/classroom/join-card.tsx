'use client';

import { useRef, useState } from 'react';
import type { InstructorRoom } from './room-storage';

/**
 * The room's join details for the projector: the whole screen, the code in large type, a QR code
 * large enough to scan from the back of a room (at least 300 px), and the join URL.
 */
export function JoinCard({ room, qr }: { room: InstructorRoom; qr?: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Rendered only while shown: the panel beside it already names the same code, QR code and URL.
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
        className="rounded-lg bg-slate-900 px-4 py-1.5 font-semibold text-white hover:bg-slate-700"
      >
        Show join card
      </button>
      <dialog
        ref={dialog}
        aria-label="Join card"
        onClose={() => setOpen(false)}
        // Escape closes the card (the dialog's own cancel), not the toolbar menu the panel sits in.
        onKeyDown={(event) => {
          if (event.key === 'Escape') event.stopPropagation();
        }}
        className="m-0 h-dvh max-h-none w-dvw max-w-none bg-white p-0 text-slate-900 backdrop:bg-slate-900/80"
      >
        {open ? (
          <div className="flex min-h-full flex-col items-center justify-center gap-6 p-8 text-center">
            <p className="text-2xl font-semibold">Join the class</p>
            <p>
              <span className="block text-xl text-slate-700">Code</span>
              <strong
                aria-label="Join code"
                className="font-mono text-7xl tracking-widest sm:text-8xl lg:text-9xl"
              >
                {room.displayCode}
              </strong>
            </p>
            {qr ? (
              // eslint-disable-next-line @next/next/no-img-element -- a generated data URL, not an asset
              <img
                src={qr}
                alt={`QR code for ${room.joinUrl}`}
                width={360}
                height={360}
                className="size-[min(60vh,90vw,28rem)] min-h-[300px] min-w-[300px] rounded border border-slate-200"
              />
            ) : null}
            <p className="font-mono text-2xl break-all sm:text-3xl">{room.joinUrl}</p>
            <form method="dialog">
              <button
                type="submit"
                className="rounded-lg bg-slate-200 px-5 py-2 text-lg font-semibold text-slate-900 hover:bg-slate-300"
              >
                Close
              </button>
            </form>
          </div>
        ) : null}
      </dialog>
    </>
  );
}
