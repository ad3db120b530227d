// geo: administrative units, departments, sectors. Other modules import only this file.
import { fileURLToPath } from 'node:url';

export const geoModule = { name: 'geo', migrationsDir: fileURLToPath(new URL('./migrations/', import.meta.url)) } as const;
export { createGeoService, type GeoService, type AdminUnit } from './service.ts';
export { geoRoutes } from './routes.ts';
export { presentUnit } from './presenter.ts';
export { GeoErrors } from './messages.ts';
export * as geoTables from './tables.ts';
