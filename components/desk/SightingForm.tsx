'use client';
import Link from 'next/link';
import { useId, useState } from 'react';
import { observationActivity, type DateWindow, type Position } from '@/lib/core/domain/schemas';
import { IDENTIFICATION_METHODS } from './descriptors';
import { PositionInput, RefSelect, RefsChecklist, WindowInput } from './inputs';
import { forSchema } from './payload';
import { useCreateForm } from './useDeskForm';
import CreateFormFooter from './CreateFormFooter';
import s from './desk.module.css';

type Method = (typeof IDENTIFICATION_METHODS)[number];

/**
 * A new sighting, saved as a draft: where (a click on the map, typed coordinates, or a port),
 * which vessel and how the source identified it, in the source's own words, what it was doing,
 * when, and who reported it.
 */
export default function SightingForm({ onClose }: { onClose: () => void }) {
  const id = useId();
  const { form, done, busy, error, setError, created, onKeyDown, create } = useCreateForm('observations', onClose);
  const [where, setWhere] = useState<'position' | 'port'>('position');
  const [position, setPosition] = useState<Position | null>(null);
  const [placeName, setPlaceName] = useState('');
  const [portId, setPortId] = useState<string | null>(null);
  const [vesselId, setVesselId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [method, setMethod] = useState<Method>('named_by_source');
  const [words, setWords] = useState('');
  const [activity, setActivity] = useState<string>('in-port');
  const [when, setWhen] = useState<DateWindow | null>(null);
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const [notes, setNotes] = useState('');
  const identified = vesselId !== null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const missing = [
      where === 'position' && !position && 'a position (click the map or type longitude and latitude)',
      where === 'port' && !portId && 'a port',
      !identified && !description.trim() && 'a description of the unidentified vessel',
      !words.trim() && 'the source’s words',
      !when?.earliest && 'when (earliest and latest day)',
      sourceIds.length === 0 && 'at least one source',
    ].filter(Boolean);
    if (missing.length > 0) return setError(`Still needed: ${missing.join('; ')}.`);
    const effective: Method = identified ? (method === 'unidentified' ? 'named_by_source' : method) : 'unidentified';
    await create(
      forSchema('observations', {
        vesselId,
        vesselDescription: identified ? description.trim() || null : description.trim(),
        portId: where === 'port' ? portId : null,
        position: where === 'position' ? position : null,
        placeName: where === 'position' ? placeName.trim() || null : null,
        activity,
        window: when,
        sourceIds,
        notes: notes.trim() || null,
        identification: {
          method: effective,
          sourceIds: effective === 'unidentified' ? [] : sourceIds,
          words: words.trim(),
          readInSourceIds: [],
          teamReading: null,
        },
      }),
    );
  }

  if (created) {
    return (
      <div className={s.form} onKeyDown={onKeyDown}>
        <p ref={done} tabIndex={-1} className={s.ok} role="status">
          Draft sighting {created.id} saved. It shows on the map as a draft until a second person publishes it from the review queue.
        </p>
        <div className="form-actions">
          <Link href="/review">Open the review queue</Link>
          <button type="button" className="link-button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    );
  }

  return (
    <form ref={form} className={s.form} aria-label="Add a sighting" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      <h3>Add a sighting</h3>
      <fieldset>
        <legend>Where</legend>
        <label className={s.inline}>
          <input type="radio" name={`${id}-where`} checked={where === 'position'} onChange={() => setWhere('position')} />
          At a position (map or coordinates)
        </label>
        <label className={s.inline}>
          <input type="radio" name={`${id}-where`} checked={where === 'port'} onChange={() => setWhere('port')} />
          At a port
        </label>
      </fieldset>
      {where === 'position' ? (
        <>
          <PositionInput label="Position" value={position} onChange={setPosition} pickable />
          <label htmlFor={`${id}-place`}>
            Place name (optional)
            <input id={`${id}-place`} type="text" value={placeName} onChange={(e) => setPlaceName(e.target.value)} />
          </label>
        </>
      ) : (
        <RefSelect label="Port" kind="ports" value={portId} nullable={false} onChange={setPortId} />
      )}
      <RefSelect label="Vessel" kind="vessels" value={vesselId} nullable noneLabel="Unidentified" onChange={setVesselId} />
      <label htmlFor={`${id}-desc`}>
        {identified ? 'Vessel description (optional)' : 'Vessel description'}
        <input id={`${id}-desc`} type="text" value={description} onChange={(e) => setDescription(e.target.value)} placeholder="a cargo-passenger ferry" />
      </label>
      {identified && (
        <label htmlFor={`${id}-method`}>
          Identification
          <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.target.value as Method)}>
            {IDENTIFICATION_METHODS.filter((m) => m !== 'unidentified').map((m) => (
              <option key={m} value={m}>
                {m.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </label>
      )}
      <label htmlFor={`${id}-words`}>
        The source’s words
        <textarea id={`${id}-words`} rows={2} value={words} onChange={(e) => setWords(e.target.value)} placeholder="“believed to be the Lady R”" />
      </label>
      <label htmlFor={`${id}-activity`}>
        Activity
        <select id={`${id}-activity`} value={activity} onChange={(e) => setActivity(e.target.value)}>
          {observationActivity.options.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </label>
      <WindowInput label="When" value={when} nullable={false} onChange={setWhen} />
      <RefsChecklist label="Sources" kind="sources" value={sourceIds} onChange={setSourceIds} />
      <CreateFormFooter id={id} notes={notes} onNotes={setNotes} error={error} busy={busy} submitLabel="Save draft sighting" onClose={onClose} />
    </form>
  );
}
