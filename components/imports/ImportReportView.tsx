'use client';
import Link from 'next/link';
import type { ImportReport } from '@/lib/client/api/imports';
import ProfileLink from '../profile/ProfileLink';
import s from './imports.module.css';

const n = (count: number) => count.toLocaleString('en-GB');
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

/**
 * What an import did: positions added, the vessels they went to (matched or new drafts), rows
 * rejected by line and reason, the events detected (waiting in review as drafts), or that the
 * same file was imported before. Opening a vessel's profile from it closes the dialog
 * (`onOpenProfile`), so the profile shows beside the map.
 */
export default function ImportReportView({ report, onOpenProfile }: { report: ImportReport; onOpenProfile: () => void }) {
  if (report.duplicateOf) {
    return (
      <div className={s.report} data-testid="import-report">
        <p className={s.notice} role="status">
          This file was imported before (import {report.duplicateOf}): nothing was added again.
        </p>
      </div>
    );
  }
  const { portCalls, gaps, possiblePortCalls } = report.events;
  const detected = portCalls + gaps + possiblePortCalls;
  return (
    <div className={s.report} data-testid="import-report">
      <p className={s.ok} role="status">
        Imported {report.name}: {plural(report.positionsAdded, 'position')} added from {plural(report.rows, 'row')}.
      </p>
      <h3>Vessels ({report.vessels.length})</h3>
      {report.vessels.length === 0 ? (
        <p className={s.hint}>No vessel: no row was usable.</p>
      ) : (
        // A plain click opens the profile in place (ProfileLink); the dialog then gives way to it.
        <ul onClickCapture={(e) => e.button === 0 && (e.target as HTMLElement).closest('a') && onOpenProfile()}>
          {report.vessels.map((v) => (
            <li key={v.id}>
              <ProfileLink to={{ kind: 'vessel', id: v.id }}>{v.name}</ProfileLink> ·{' '}
              {v.matched ? 'matched a vessel on record' : 'new draft vessel, for review'}
            </li>
          ))}
        </ul>
      )}
      <h3>Detected from AIS ({plural(detected, 'event')})</h3>
      <p>
        {plural(portCalls, 'port call')}, {plural(gaps, 'AIS gap')}, {plural(possiblePortCalls, 'possible dark port call')}.
      </p>
      <p data-testid="import-drafts">
        Waiting in review as drafts: {plural(report.drafts.vessels, 'vessel')}, {plural(report.drafts.observations, 'sighting')},{' '}
        {plural(report.drafts.voyages, 'voyage')}, and the import as their source. <Link href="/review">Open the review queue</Link>.
      </p>
      {report.drafts.leftOut > 0 && (
        <p className={s.hint} data-testid="import-drafts-left-out">
          {plural(report.drafts.leftOut, 'detected sighting or voyage', 'detected sightings and voyages')} past this import’s cap were not drafted; their events are kept.
        </p>
      )}
      {report.drafts.refused > 0 && (
        <div data-testid="import-drafts-refused">
          <p>{plural(report.drafts.refused, 'detected sighting or voyage', 'detected sightings and voyages')} refused by the evidence desk, not drafted:</p>
          <ul className={s.rejected}>
            {report.drafts.refusedReasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
      <h3>Rejected rows ({n(report.rejected)})</h3>
      {report.rejected === 0 ? (
        <p className={s.hint}>Every row was usable.</p>
      ) : (
        <>
          <ul className={s.rejected}>
            {report.rejectedSample.map((r) => (
              <li key={r.line}>
                Line {n(r.line)}: {r.reason}
              </li>
            ))}
          </ul>
          {report.rejected > report.rejectedSample.length && (
            <p className={s.hint}>The first {n(report.rejectedSample.length)} of {n(report.rejected)} are shown.</p>
          )}
        </>
      )}
    </div>
  );
}
