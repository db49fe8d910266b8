'use client';
import { memo, useState } from 'react';
import { formatDay } from '@/lib/core/domain/display';
import { possibleProgressOnDay } from '@/lib/core/time/possibleProgress';
import { useTimeCursor } from '../timeCursor';
import { type VoyageInfo, voyageText } from '@/lib/client/timeline/voyages';

interface Props {
  /** The voyages in time order. */
  voyages: readonly VoyageInfo[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/** The timeline as text: the voyages in time order, each a button selecting it. */
export default function TimelineList(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details className="timeline-list" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Timeline as a list ({props.voyages.length} voyages)</summary>
      {open && <ListWithCursor {...props} />}
    </details>
  );
}

function ListWithCursor(props: Props) {
  const day = useTimeCursor()?.day ?? null;
  return <Items {...props} day={day} />;
}

const Items = memo(function Items({ voyages, selectedId, onSelect, day }: Props & { day: string | null }) {
  return (
    <ol>
      {voyages.map((v) => {
        const progress = day ? possibleProgressOnDay(v.times, day).state : null;
        const underWay =
          progress === 'possible' ? `possibly under way on ${formatDay(day!)}` : progress === 'certain' ? `certainly under way on ${formatDay(day!)}` : null;
        const text = voyageText(v);
        return (
          <li key={v.id}>
            <button type="button" className="timeline-list-item" aria-pressed={v.id === selectedId} data-voyage-id={v.id} onClick={() => onSelect(v.id)}>
              <strong>{text.vessel}</strong>, {text.origin} → {text.destination}: departed {text.departure}, arrived {text.arrival}
              {underWay && <span className="timeline-list-cursor">, {underWay}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
});
