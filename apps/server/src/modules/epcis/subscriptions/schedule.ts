// Query schedules of scheduled subscriptions (EPCIS 2.0 §8.2.5.3 QuerySchedule; REST binding query-schedule.json):
// each field is a list of values and `[low-high]` ranges; a run happens at every instant (UTC) whose second,
// minute, hour, day of month, month and day of week (1 = Monday … 7 = Sunday, ISO 8601) all match. An omitted
// field matches every value, except `second`, which defaults to 0 so that `{hour: 1, minute: 5}` means "daily at
// 01:05:00" as the binding's example says.
import { AppError } from '../../../platform/errors.ts';
import { EpcisErrors } from '../messages.ts';

export const SCHEDULE_FIELDS = ['second', 'minute', 'hour', 'dayOfMonth', 'month', 'dayOfWeek'] as const;
export type ScheduleField = (typeof SCHEDULE_FIELDS)[number];
export type ScheduleSpec = Partial<Record<ScheduleField, string>>;

const RANGES: Readonly<Record<ScheduleField, [number, number]>> = {
  second: [0, 59], minute: [0, 59], hour: [0, 23], dayOfMonth: [1, 31], month: [1, 12], dayOfWeek: [1, 7],
};

export type Schedule = Readonly<Record<ScheduleField, ReadonlySet<number> | null>>;

function parseField(field: ScheduleField, text: string): Set<number> {
  const [lo, hi] = RANGES[field];
  const out = new Set<number>();
  const bad = () => new AppError('invalid', EpcisErrors.EPCIS_SCHEDULE_INVALID, { field, value: text }, [{ pointer: `/schedule/${field}`, code: EpcisErrors.EPCIS_SCHEDULE_INVALID, params: { field, value: text } }]);
  for (const part of text.split(',')) {
    const m = /^\s*(?:(\d{1,2})|\[(\d{1,2})-(\d{1,2})\])\s*$/.exec(part);
    if (!m) throw bad();
    const a = Number(m[1] ?? m[2]);
    const b = Number(m[1] ?? m[3]);
    if (a < lo || b > hi || a > b) throw bad();
    for (let v = a; v <= b; v++) out.add(v);
  }
  return out;
}

export function parseSchedule(spec: ScheduleSpec): Schedule {
  const out = {} as Record<ScheduleField, Set<number> | null>;
  for (const field of SCHEDULE_FIELDS) {
    const text = spec[field];
    out[field] = text === undefined ? (field === 'second' ? new Set([0]) : null) : parseField(field, text);
  }
  return out;
}

const ok = (set: ReadonlySet<number> | null, v: number) => set === null || set.has(v);

/** The first instant strictly after `after` (whole seconds, UTC) that the schedule selects; undefined within 5 years none. */
export function nextRun(schedule: Schedule, after: Date): Date | undefined {
  const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
  const limit = after.getTime() + 5 * 366 * 86_400_000;
  while (t.getTime() <= limit) {
    if (!ok(schedule.month, t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0);
      continue;
    }
    const isoDay = ((t.getUTCDay() + 6) % 7) + 1;
    if (!ok(schedule.dayOfMonth, t.getUTCDate()) || !ok(schedule.dayOfWeek, isoDay)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0);
      continue;
    }
    if (!ok(schedule.hour, t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0);
      continue;
    }
    if (!ok(schedule.minute, t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0);
      continue;
    }
    if (!ok(schedule.second, t.getUTCSeconds())) {
      t.setUTCSeconds(t.getUTCSeconds() + 1);
      continue;
    }
    return t;
  }
  return undefined;
}
