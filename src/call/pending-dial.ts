/**
 * The one dial being set up, until its INVITE is sent or it is refused. It is recorded before anything is awaited,
 * so a second click on the same number while the first is still starting joins it instead of dialing twice, and a
 * click on another number is refused.
 */
export class PendingDial<R> {
  private current: { key: string; result: Promise<R> } | undefined;

  /** Starts `place` unless a dial is pending: the same `key` gets that dial's result, another gets `busy()`. */
  join(key: string, place: () => Promise<R>, busy: () => R): Promise<R> {
    if (this.current) return this.current.key === key ? this.current.result : Promise.resolve(busy());
    const current = { key, result: place() };
    this.current = current;
    const done = () => {
      if (this.current === current) this.current = undefined;
    };
    current.result.then(done, done);
    return current.result;
  }
}
