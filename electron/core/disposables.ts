/**
 * Owning what one starts: everything that subscribes, listens or spawns is
 * added here and released, newest first, by one dispose(). The idea of VS
 * Code's DisposableStore, small.
 */
export type Disposal = () => unknown | Promise<unknown>;

export class Disposables {
  private readonly items: Disposal[] = [];
  private disposed = false;

  add<T extends Disposal>(dispose: T): T {
    if (this.disposed) void dispose();
    else this.items.push(dispose);
    return dispose;
  }

  get size(): number {
    return this.items.length;
  }

  /** Releases everything, newest first; one failing does not keep the others. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const errors: unknown[] = [];
    for (const dispose of this.items.splice(0).reverse()) {
      try {
        await dispose();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, 'dispose failed');
  }
}
