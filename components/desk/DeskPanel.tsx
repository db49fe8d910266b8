'use client';
import Link from 'next/link';
import { useRef, useState } from 'react';
import { useMe } from '@/lib/client/api';
import { hasRole } from '@/lib/core/domain/permissions';
import ClaimForm from './ClaimForm';
import JoinSightingsForm from './JoinSightingsForm';
import RecordPicker from './RecordPicker';
import SightingForm from './SightingForm';
import s from './desk.module.css';

type Workflow = 'sighting' | 'join' | 'claim' | 'edit';
const LABELS: Record<Workflow, string> = { sighting: 'Add sighting', join: 'Join two sightings', claim: 'Add claim', edit: 'Edit a record' };

/** The evidence desk on the dashboard, for editors: one workflow open at a time, below its button. */
export default function DeskPanel() {
  const { data } = useMe();
  const [open, setOpen] = useState<Workflow | null>(null);
  const buttons = useRef<Partial<Record<Workflow, HTMLButtonElement | null>>>({});
  if (!hasRole(data?.user, 'editor')) return null;
  const close = () => {
    const opener = open;
    setOpen(null);
    if (opener) buttons.current[opener]?.focus();
  };
  return (
    <section className={s.desk} aria-label="Evidence desk">
      <h2>Evidence desk</h2>
      <div className={s.actions}>
        {(Object.keys(LABELS) as Workflow[]).map((w) => (
          <button
            key={w}
            ref={(el) => {
              buttons.current[w] = el;
            }}
            type="button"
            className={open === w ? 'button' : 'button button-secondary'}
            aria-expanded={open === w}
            onClick={() => setOpen(open === w ? null : w)}
          >
            {LABELS[w]}
          </button>
        ))}
      </div>
      <p className={s.hint}>
        New records and changes are drafts until a second person publishes them: <Link href="/review">review queue</Link>.
      </p>
      {open === 'sighting' && <SightingForm onClose={close} />}
      {open === 'join' && <JoinSightingsForm onClose={close} />}
      {open === 'claim' && <ClaimForm onClose={close} />}
      {open === 'edit' && <RecordPicker onClose={close} pickable />}
    </section>
  );
}
