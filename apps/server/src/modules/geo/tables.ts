import { boolean, integer, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const geo = pgSchema('geo');

export const adminUnits = geo.table('admin_units', {
  id: integer('id').primaryKey(),
  kind: text('kind').$type<'xa' | 'phuong'>().notNull(),
  name: text('name').notNull(),
  nameAscii: text('name_ascii').notNull(),
  nameSearch: text('name_search').notNull(),
  officialCode: text('official_code'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
});

export const sectors = geo.table('sectors', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  departmentCode: text('department_code').notNull(),
});

export const departments = geo.table('departments', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  isLead: boolean('is_lead').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
