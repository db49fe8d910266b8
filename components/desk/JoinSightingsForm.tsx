'use client';
import { useId, useState } from 'react';
import { type DeskObservation, useObservations } from '@/lib/client/desk';
import { showValue } from './diff';
import { RefSelect } from './inputs';
import { forSchema } from './payload';
import { useCreateForm } from './useDeskForm';
import CreateFormFooter from './CreateFormFooter';
import s from './desk.module.css';

const sightingLabel = (o: DeskObservation) =>
  `${o.portId ?? o.placeName ?? 'at sea'}, ${showValue(o.window)} (${o.activity})${o.status === 'draft' ? ' (draft)' : ''}`;

/**
 * The team's own inference: two sightings of one vessel, at one port and then at another, joined
 * into a voyage whose basis says so ("inferred by the team from two sightings"). Ports and date
 * windows come from the sightings; nothing is typed in.
 */
export default function JoinSightingsForm({ onClose }: { onClose: () => void }) {
  const id = useId();
  const { form, done, busy, error, setError, created, onKeyDown, create } = useCreateForm('voyages', onClose);
  const observations = useObservations();
  const [vesselId, setVesselId] = useState<string | null>(null);
  const [fromId, setFromId] = useState('');
  const [toId, setToId] = useState('');
  const [notes, setNotes] = useState('');
  const atPorts = (observations.data?.observations ?? []).filter((o) => o.vesselId === vesselId && o.portId !== null);
  const from = atPorts.find((o) => o.id === fromId);
  const to = atPorts.find((o) => o.id === toId);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!from || !to) return setError('Choose the sighting at the origin and the sighting at the destination.');
    if (from.id === to.id || from.portId === to.portId) return setError('The two sightings must be at two different ports.');
    if (from.window.earliest > to.window.latest) return setError('The origin sighting must not be later than the destination sighting.');
    const sourceIds = [...new Set([...from.sourceIds, ...to.sourceIds])];
    const identification = (from as DeskObservation & { identification?: Record<string, unknown> }).identification;
    await create(
      forSchema('voyages', {
        vesselId,
        originPortId: from.portId,
        destinationPortId: to.portId,
        departure: from.window,
        arrival: to.window,
        observedRoute: null,
        cargo: null,
        confidence: 'reported',
        sourceIds,
        notes: notes.trim() || null,
        ...(identification ? { identification } : {}),
        basis: { kind: 'inferred_from_sightings', observationIds: [from.id, to.id] },
      }),
    );
  }

  if (created) {
    return (
      <div className={s.form} onKeyDown={onKeyDown}>
        <p ref={done} tabIndex={-1} className={s.ok} role="status">
          Draft voyage {created.id} saved, inferred by the team from two sightings. A second person publishes it from the review queue.
        </p>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }

  const choose = (label: string, value: string, set: (v: string) => void, other: string) => (
    <label htmlFor={`${id}-${label}`}>
      {label}
      <select id={`${id}-${label}`} value={value} onChange={(e) => set(e.target.value)}>
        <option value="">Choose…</option>
        {atPorts
          .filter((o) => o.id !== other)
          .map((o) => (
            <option key={o.id} value={o.id}>
              {sightingLabel(o)}
            </option>
          ))}
      </select>
    </label>
  );

  return (
    <form ref={form} className={s.form} aria-label="Join two sightings" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      <h3>Join two sightings into a voyage</h3>
      <RefSelect label="Vessel" kind="vessels" value={vesselId} nullable={false} onChange={(v) => {
          setVesselId(v);
          setFromId('');
          setToId('');
        }} />
      {vesselId && atPorts.length < 2 && <p className={s.hint}>This vessel has fewer than two sightings at a port.</p>}
      {choose('Sighting at the origin', fromId, setFromId, toId)}
      {choose('Sighting at the destination', toId, setToId, fromId)}
      {from && to && (
        <p className={s.hint}>
          {from.portId} → {to.portId}; departs {showValue(from.window)}, arrives {showValue(to.window)}; cites {new Set([...from.sourceIds, ...to.sourceIds]).size} sources.
        </p>
      )}
      <CreateFormFooter id={id} notes={notes} onNotes={setNotes} error={error} busy={busy} submitLabel="Save draft voyage" onClose={onClose} />
    </form>
  );
}
