// Reads by key, batched per turn of the event loop: every key asked for while this turn's I/O callbacks run goes to
// the database in one statement (`= any($1)`), up to `max` keys each. Under load, concurrent requests (scans of
// different stamps) share one round trip instead of paying one each.

export function turnBatcher<K, V>(readMany: (keys: readonly K[]) => Promise<Map<K, V>>, max = 500): (key: K) => Promise<V | undefined> {
  let waiting: { key: K; resolve(value: V | undefined): void; reject(err: unknown): void }[] = [];

  function flush(): void {
    const batch = waiting;
    waiting = [];
    for (let i = 0; i < batch.length; i += max) {
      const part = batch.slice(i, i + max);
      readMany([...new Set(part.map((w) => w.key))]).then(
        (found) => {
          for (const w of part) w.resolve(found.get(w.key));
        },
        (err: unknown) => {
          for (const w of part) w.reject(err);
        },
      );
    }
  }

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      waiting.push({ key, resolve, reject });
      // After the I/O callbacks of this turn: the requests that arrived together are read together.
      if (waiting.length === 1) setImmediate(flush);
    });
}
