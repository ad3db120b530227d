// Codes of extension-field scopes in epcis.event_fields.scope (EPCIS 2.0 §8.2.7.1: EQ_fieldname, EQ_ILMD_…,
// EQ_ERROR_DECLARATION_…, EQ_readPoint_…, EQ_bizLocation_…, EQ_SENSORELEMENT_…, EQ_SENSORMETADATA_…, EQ_SENSORREPORT_…).
import type { FieldScope } from '@txng/epcis';

export type FieldScopeName = FieldScope;

export const FIELD_SCOPE_CODES: Readonly<Record<FieldScopeName, number>> = {
  event: 1,
  ilmd: 2,
  errorDeclaration: 3,
  readPoint: 4,
  bizLocation: 5,
  sensorElement: 6,
  sensorMetadata: 7,
  sensorReport: 8,
};
