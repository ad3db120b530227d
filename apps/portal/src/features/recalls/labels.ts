// Colours of the recall's states, shared by the list and the recall screen.
import type { HolderStatus, Severity } from './api.ts';

export const SEVERITY_COLORS: Record<Severity, string> = { class_1: 'red', class_2: 'orange', class_3: 'gold' };
export const HOLDER_COLORS: Record<HolderStatus, string> = { notified: 'blue', unreachable: 'default', acknowledged: 'gold', completed: 'green' };
export const STATUS_COLORS = { open: 'volcano', closed: 'default' } as const;

/** Who may open a recall (the server decides for the goods named: officials in scope, or the producer's admin). */
export const OPENERS = ['province_admin', 'sector_officer', 'commune_officer', 'inspector', 'org_admin'] as const;
