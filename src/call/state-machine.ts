/**
 * A tiny guarded state machine: a table of legal moves, one `transition` that throws on an illegal move and tells
 * listeners. Used by the registration and call machines (see their diagrams).
 */
export class StateMachine<S extends string> {
  private listeners = new Set<(state: S, previous: S) => void>();

  constructor(
    private current: S,
    private readonly moves: Readonly<Record<S, readonly S[]>>,
    private readonly name: string,
  ) {}

  get state(): S {
    return this.current;
  }

  can(next: S): boolean {
    return this.moves[this.current].includes(next);
  }

  /** Moves to `next`; throws on a move the table does not allow (a bug, never a user error). */
  transition(next: S): void {
    if (next === this.current) return;
    if (!this.can(next)) throw new Error(`${this.name}: illegal transition ${this.current} → ${next}`);
    const previous = this.current;
    this.current = next;
    for (const listener of this.listeners) listener(next, previous);
  }

  onChange(listener: (state: S, previous: S) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
