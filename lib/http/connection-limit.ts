/**
 * Counts what is open at once (event streams, rooms) per client address and in all. Unlike a rate
 * limit, a slot is given back when the thing it counts ends, so only what is still open counts.
 */
export type Admission = { ok: true; release: () => void } | { ok: false; over: 'address' | 'total' };

export class ConnectionLimit {
  private readonly byAddress = new Map<string, number>();
  private total = 0;

  constructor(
    readonly perAddress: number,
    readonly overall: number,
  ) {}

  acquire(address: string): Admission {
    const open = this.byAddress.get(address) ?? 0;
    if (this.total >= this.overall) return { ok: false, over: 'total' };
    if (open >= this.perAddress) return { ok: false, over: 'address' };
    this.byAddress.set(address, open + 1);
    this.total += 1;
    let released = false;
    return {
      ok: true,
      release: () => {
        // Streams end in several ways (client gone, cancelled, room closed): count each end once.
        if (released) return;
        released = true;
        this.total -= 1;
        const left = (this.byAddress.get(address) ?? 1) - 1;
        if (left > 0) this.byAddress.set(address, left);
        else this.byAddress.delete(address);
      },
    };
  }

  /** How many are open, from one address or in all. */
  count(address?: string): number {
    return address === undefined ? this.total : (this.byAddress.get(address) ?? 0);
  }
}
