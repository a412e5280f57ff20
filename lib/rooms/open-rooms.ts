/**
 * Rooms held open at once, per creating address and in all. A room lives until its instructor closes
 * it or it expires inside the hub, so this keeps the codes each address created and, when a bound is
 * reached, asks the hub which of them still exist before saying no.
 */
export const ROOMS_PER_ADDRESS = 50;
export const ROOMS_TOTAL = 1000;

export type RoomAdmission = { ok: true } | { ok: false; over: 'address' | 'total' };

export class OpenRooms {
  private readonly byAddress = new Map<string, Set<string>>();
  private total = 0;

  constructor(
    private readonly isOpen: (code: string) => Promise<boolean>,
    readonly perAddress = ROOMS_PER_ADDRESS,
    readonly overall = ROOMS_TOTAL,
  ) {}

  private async prune(address: string, codes: Set<string>) {
    for (const code of [...codes]) {
      if (await this.isOpen(code)) continue;
      codes.delete(code);
      this.total -= 1;
    }
    if (!codes.size) this.byAddress.delete(address);
  }

  /** May `address` open one more room? Ended rooms are forgotten only when a bound is reached. */
  async admit(address: string): Promise<RoomAdmission> {
    if (this.total >= this.overall) {
      for (const [owner, codes] of [...this.byAddress]) await this.prune(owner, codes);
      if (this.total >= this.overall) return { ok: false, over: 'total' };
    }
    const codes = this.byAddress.get(address);
    if (codes && codes.size >= this.perAddress) {
      await this.prune(address, codes);
      if (codes.size >= this.perAddress) return { ok: false, over: 'address' };
    }
    return { ok: true };
  }

  opened(address: string, code: string) {
    const codes = this.byAddress.get(address) ?? new Set<string>();
    this.byAddress.set(address, codes);
    if (codes.has(code)) return;
    codes.add(code);
    this.total += 1;
  }
}
