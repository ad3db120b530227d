/** Throughput of one operation, per second of one core's CPU time and per second of wall-clock time. */
export interface Throughput {
  readonly perCpuSecond: number;
  readonly perWallSecond: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * Run `op` over `inputs` for at least `ms` of CPU time after a warm-up, on the calling thread (one core). CPU time
 * is the primary measure because the machine is shared: wall-clock time also counts time spent descheduled.
 */
export function measure<T>(inputs: readonly T[], op: (input: T) => unknown, ms = 1500): Throughput {
  let sink = 0;
  const run = (budgetMs: number) => {
    const cpu0 = cpuMs();
    const wall0 = performance.now();
    let n = 0;
    while (cpuMs() - cpu0 < budgetMs) {
      for (let r = 0; r < 200; r++) for (const input of inputs) if (op(input)) sink++;
      n += 200 * inputs.length;
    }
    return { n, cpu: cpuMs() - cpu0, wall: performance.now() - wall0 };
  };
  run(ms / 5);
  const { n, cpu, wall } = run(ms);
  if (sink < 0) console.log(sink); // Keeps results observable so the work is not optimised away.
  return { perCpuSecond: (n / cpu) * 1000, perWallSecond: (n / wall) * 1000 };
}
