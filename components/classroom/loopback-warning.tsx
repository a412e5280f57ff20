import { isLoopbackUrl, lanOriginHint } from '@/lib/rooms/loopback';

/** Warns the instructor when the join URL is built on a loopback address students' devices cannot open. */
export function LoopbackWarning({ joinUrl }: { joinUrl: string }) {
  if (!isLoopbackUrl(joinUrl)) return null;
  return (
    <p
      role="alert"
      className="rounded border-l-4 border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      <strong>Students on other machines cannot open this:</strong> the join URL is on{' '}
      <code>{new URL(joinUrl).host}</code>, which only reaches this computer. Start the playground with{' '}
      <code>PUBLIC_ORIGIN={lanOriginHint(joinUrl)}</code> and start a new room.
    </p>
  );
}
