/**
 * One writer per store: each mutation's whole read-modify-write runs after the
 * previous one has finished, so two windows, or a CSV import during an edit,
 * never compute from the same old state and lose each other's change (ten
 * concurrent saves used to keep one). A failed step does not stop the next.
 */
export class OneWriter {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(step: () => Promise<T>): Promise<T> {
    const result = this.tail.then(step);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
