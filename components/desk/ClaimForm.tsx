'use client';
import { useId, useState } from 'react';
import type { DateWindow } from '@/lib/core/domain/schemas';
import { COUNT_QUALIFIERS } from './descriptors';
import { RefSelect, RefsChecklist, WindowInput } from './inputs';
import { forSchema } from './payload';
import { useCreateForm } from './useDeskForm';
import CreateFormFooter from './CreateFormFooter';
import s from './desk.module.css';

/**
 * A claim as a source made it: the statement, what it names (ports, vessels, a period), and a
 * count only with its qualifier and the source's own words for it ("more than 1,000 containers").
 */
export default function ClaimForm({ onClose }: { onClose: () => void }) {
  const id = useId();
  const { form, done, busy, error, setError, created, onKeyDown, create } = useCreateForm('claims', onClose);
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [statement, setStatement] = useState('');
  const [originPortId, setOrigin] = useState<string | null>(null);
  const [destinationPortId, setDestination] = useState<string | null>(null);
  const [vesselIds, setVesselIds] = useState<string[]>([]);
  const [period, setPeriod] = useState<DateWindow | null>(null);
  const [count, setCount] = useState('');
  const [qualifier, setQualifier] = useState('');
  const [asReported, setAsReported] = useState('');
  const [unit, setUnit] = useState('');
  const [notes, setNotes] = useState('');
  const hasCount = count.trim() !== '';

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const n = Number(count);
    const missing = [
      !sourceId && 'the source that made the claim',
      !statement.trim() && 'the statement',
      hasCount && !(Number.isInteger(n) && n >= 0) && 'a whole number for the count',
      hasCount && !qualifier && 'how the source qualified the count',
      hasCount && !asReported.trim() && 'the source’s words for the count',
      hasCount && !unit.trim() && 'the unit of the count',
    ].filter(Boolean);
    if (missing.length > 0) return setError(`Still needed: ${missing.join('; ')}.`);
    await create(
      forSchema('claims', {
        sourceId,
        readInSourceIds: [],
        statement: statement.trim(),
        originPortId,
        destinationPortId,
        vesselIds,
        period,
        count: hasCount ? n : null,
        countQualifier: hasCount ? qualifier : null,
        countAsReported: hasCount ? asReported.trim() : null,
        countUnit: unit.trim() || null,
        notes: notes.trim() || null,
      }),
    );
  }

  if (created) {
    return (
      <div className={s.form} onKeyDown={onKeyDown}>
        <p ref={done} tabIndex={-1} className={s.ok} role="status">
          Draft claim {created.id} saved. A second person publishes it from the review queue.
        </p>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }

  return (
    <form ref={form} className={s.form} aria-label="Add a claim" onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown} noValidate>
      <h3>Add a claim from a source</h3>
      <RefSelect label="Source (who made the claim)" kind="sources" value={sourceId} nullable={false} onChange={setSourceId} />
      <label htmlFor={`${id}-statement`}>
        Statement (the source’s words)
        <textarea id={`${id}-statement`} rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} />
      </label>
      <div className={s.row}>
        <RefSelect label="Origin port" kind="ports" value={originPortId} nullable onChange={setOrigin} />
        <RefSelect label="Destination port" kind="ports" value={destinationPortId} nullable onChange={setDestination} />
      </div>
      <RefsChecklist label="Vessels" kind="vessels" value={vesselIds} onChange={setVesselIds} />
      <WindowInput label="Period" value={period} nullable onChange={setPeriod} />
      <fieldset>
        <legend>Count (optional)</legend>
        <div className={s.row}>
          <label htmlFor={`${id}-count`}>
            Count
            <input id={`${id}-count`} type="number" min={0} step={1} inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />
          </label>
          <label htmlFor={`${id}-qualifier`}>
            Qualifier
            <select id={`${id}-qualifier`} value={qualifier} onChange={(e) => setQualifier(e.target.value)}>
              <option value="">{hasCount ? 'Choose…' : '(none)'}</option>
              {COUNT_QUALIFIERS.map((q) => (
                <option key={q} value={q}>
                  {q.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className={s.row}>
          <label htmlFor={`${id}-words`}>
            Count in the source’s words
            <input id={`${id}-words`} type="text" value={asReported} placeholder="“over 20,000”" onChange={(e) => setAsReported(e.target.value)} />
          </label>
          <label htmlFor={`${id}-unit`}>
            Unit
            <input id={`${id}-unit`} type="text" value={unit} placeholder="containers" onChange={(e) => setUnit(e.target.value)} />
          </label>
        </div>
      </fieldset>
      <CreateFormFooter id={id} notes={notes} onNotes={setNotes} error={error} busy={busy} submitLabel="Save draft claim" onClose={onClose} />
    </form>
  );
}
