/** Every kind's adapter, by kind. */
import 'server-only';
import type { RecordKind } from '@/lib/core/domain/records';
import type { KindAdapter } from './adapter';
import { claimAdapter } from './kinds/claim';
import { observationAdapter } from './kinds/observation';
import { portAdapter } from './kinds/port';
import { sourceAdapter } from './kinds/source';
import { vesselAdapter } from './kinds/vessel';
import { voyageAdapter } from './kinds/voyage';

export const ADAPTERS: { [K in RecordKind]: KindAdapter<K> } = {
  source: sourceAdapter,
  port: portAdapter,
  vessel: vesselAdapter,
  observation: observationAdapter,
  voyage: voyageAdapter,
  claim: claimAdapter,
};
