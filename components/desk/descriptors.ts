import type { DeskKind } from '@/lib/client/desk';
import { confidence, observationActivity, portKind, precision, sourceAccess, sourceKind, verification } from '@/lib/core/domain/schemas';

/**
 * The editable fields of each record kind, read by the one record form. A field the record does
 * not carry is not shown, so the form follows the schema as it grows.
 */
export type FieldType =
  | { type: 'text' | 'textarea'; nullable: boolean }
  | { type: 'number'; nullable: boolean }
  | { type: 'enum'; options: readonly string[]; nullable: boolean }
  | { type: 'boolean' }
  | { type: 'ref'; kind: DeskKind; nullable: boolean }
  | { type: 'refs'; kind: DeskKind }
  | { type: 'window'; nullable: boolean }
  | { type: 'position'; nullable: boolean }
  | { type: 'lines' }
  /** Nested structures (sanctions, identities, identification, basis): edited as JSON. */
  | { type: 'json' };

export type FieldDescriptor = FieldType & { name: string; label: string };

const text = (name: string, label: string, nullable = true): FieldDescriptor => ({ name, label, type: 'text', nullable });
const area = (name: string, label: string, nullable = true): FieldDescriptor => ({ name, label, type: 'textarea', nullable });
const choice = (name: string, label: string, options: readonly string[], nullable = false): FieldDescriptor => ({
  name,
  label,
  type: 'enum',
  options,
  nullable,
});
const ref = (name: string, label: string, kind: DeskKind, nullable = true): FieldDescriptor => ({ name, label, type: 'ref', kind, nullable });
const refs = (name: string, label: string, kind: DeskKind): FieldDescriptor => ({ name, label, type: 'refs', kind });
const win = (name: string, label: string, nullable = false): FieldDescriptor => ({ name, label, type: 'window', nullable });
const json = (name: string, label: string): FieldDescriptor => ({ name, label, type: 'json' });

export const COUNT_QUALIFIERS = ['exact', 'at_least', 'about', 'more_than', 'as_many_as', 'up_to'] as const;
export const IDENTIFICATION_METHODS = ['named_by_source', 'identified_by_press', 'believed', 'matching', 'unidentified'] as const;

export const FIELDS: Record<DeskKind, readonly FieldDescriptor[]> = {
  sources: [
    text('publisher', 'Publisher', false),
    text('title', 'Title', false),
    text('url', 'URL'),
    win('published', 'Published', true),
    choice('kind', 'Kind', sourceKind.options),
    choice('access', 'Access', sourceAccess.options),
    area('notes', 'Notes'),
  ],
  ports: [
    text('name', 'Name', false),
    { name: 'altNames', label: 'Other names (one a line)', type: 'lines' },
    text('country', 'Country (ISO alpha-2)', false),
    text('unlocode', 'UN/LOCODE'),
    { name: 'wpiNumber', label: 'WPI number', type: 'number', nullable: true },
    { name: 'position', label: 'Position', type: 'position', nullable: false },
    { name: 'approximate', label: 'Position approximate', type: 'boolean' },
    text('approximateReason', 'Why approximate'),
    { name: 'geofenceRadiusNm', label: 'Geofence radius (nm)', type: 'number', nullable: false },
    choice('kind', 'Kind', portKind.options, true),
    refs('sourceIds', 'Sources', 'sources'),
    area('notes', 'Notes'),
  ],
  vessels: [
    text('name', 'Name', false),
    { name: 'formerNames', label: 'Former names (one a line)', type: 'lines' },
    text('imo', 'IMO number'),
    choice('imoVerification', 'IMO verification', verification.options, true),
    text('mmsi', 'MMSI'),
    choice('mmsiVerification', 'MMSI verification', verification.options, true),
    text('flag', 'Flag (ISO alpha-2)'),
    text('type', 'Type'),
    text('owner', 'Owner'),
    json('sanctions', 'Sanctions (JSON)'),
    json('identityHistory', 'Identity history (JSON)'),
    refs('sourceIds', 'Sources', 'sources'),
    area('notes', 'Notes'),
  ],
  observations: [
    ref('vesselId', 'Vessel', 'vessels'),
    text('vesselDescription', 'Vessel description'),
    json('identification', 'Identification (JSON)'),
    ref('portId', 'Port', 'ports'),
    { name: 'position', label: 'Position', type: 'position', nullable: true },
    text('placeName', 'Place name'),
    choice('activity', 'Activity', observationActivity.options),
    win('window', 'When'),
    refs('sourceIds', 'Sources', 'sources'),
    area('notes', 'Notes'),
  ],
  voyages: [
    ref('vesselId', 'Vessel', 'vessels'),
    json('identification', 'Identification (JSON)'),
    json('basis', 'Basis (JSON)'),
    ref('originPortId', 'Origin port', 'ports', false),
    ref('destinationPortId', 'Destination port', 'ports', false),
    win('departure', 'Departure'),
    win('arrival', 'Arrival'),
    text('cargo', 'Cargo'),
    choice('confidence', 'Confidence', confidence.options),
    refs('sourceIds', 'Sources', 'sources'),
    area('notes', 'Notes'),
  ],
  claims: [
    ref('sourceId', 'Source (who made the claim)', 'sources', false),
    refs('readInSourceIds', 'Read in', 'sources'),
    area('statement', 'Statement', false),
    ref('originPortId', 'Origin port', 'ports'),
    ref('destinationPortId', 'Destination port', 'ports'),
    refs('vesselIds', 'Vessels', 'vessels'),
    win('period', 'Period', true),
    { name: 'count', label: 'Count', type: 'number', nullable: true },
    choice('countQualifier', 'Count qualifier', COUNT_QUALIFIERS, true),
    text('countAsReported', 'Count in the source’s words'),
    text('countUnit', 'Unit'),
    area('notes', 'Notes'),
  ],
};

export const PRECISIONS = precision.options;

/** A readable name for a record of any kind, for pickers and the queue. */
export function recordLabel(kind: DeskKind, r: Record<string, unknown>): string {
  const s = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : '');
  switch (kind) {
    case 'sources':
      return `${s('publisher')}: ${s('title')}`;
    case 'claims':
      return s('statement').slice(0, 90) || s('id');
    case 'observations':
      return `${s('id')} (${s('activity')})`;
    case 'voyages':
      return `${s('id')}`;
    case 'ports':
    case 'vessels':
      return s('name') || s('id');
  }
}
