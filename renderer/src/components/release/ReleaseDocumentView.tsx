// The watermarked release document: the only thing in the app that prints (styles/release.css). The
// watermark (release ID, recipient, releasing employee, date) is a band at the top and the bottom of
// every printed page (a table's header and footer groups repeat per page) and a diagonal background
// repeated on every page (position: fixed repeats per printed page in Chromium). The released record is
// shown as text, never as markup.
import { useEffect, useRef } from 'react';
import type { ReleaseDocument } from '../../../../shared/contract/release-channels';
import { formatDateTime } from '../../state/format';
import { legalBasisOf, methodLabel, recipientTypeLabel } from './describe';
import { usePrintPermit } from './print-guard';

export const DIAGONAL_REPEAT = 24;

export interface ReleaseDocumentViewProps {
  document: ReleaseDocument;
  onClose(): void;
  /** Printing (window.print by default; tests pass their own). */
  onPrint?(): void;
}

function Band({ text, where }: { text: string; where: 'top' | 'bottom' }) {
  return (
    <div className={`release-band release-band--${where}`} data-watermark="band">
      {text}
    </div>
  );
}

export function ReleaseDocumentView({ document: doc, onClose, onPrint }: ReleaseDocumentViewProps) {
  usePrintPermit();
  const heading = useRef<HTMLHeadingElement>(null);
  const r = doc.release;

  useEffect(() => {
    heading.current?.focus();
  }, [r.id]);

  return (
    <section className="release-doc" aria-labelledby="release-doc-title">
      <div className="release-doc__tools">
        <h3 id="release-doc-title" className="subpanel__title" ref={heading} tabIndex={-1}>
          Release <span className="mono">{r.id}</span> — print it now
        </h3>
        <p className="field__hint">
          This document is shown once: it is not kept after you close it, sign off or the workstation locks. Another copy needs a new, approved request.
          {doc.file ? ` The electronic copy was written to ${doc.file}.` : ''}
        </p>
        <div className="form-actions">
          <button type="button" className="button button--primary" onClick={() => (onPrint ?? (() => window.print()))()}>
            Print
          </button>
          <button type="button" className="button button--quiet" onClick={onClose}>
            Close document
          </button>
        </div>
      </div>

      <div className="release-print" data-release-id={r.id}>
        <div className="release-print__diagonal" aria-hidden="true">
          {Array.from({ length: DIAGONAL_REPEAT }, (_, i) => (
            <span key={i} className="release-print__diagonal-line">
              {doc.watermark}
            </span>
          ))}
        </div>
        <table className="release-print__frame">
          <thead>
            <tr>
              <td>
                <Band text={doc.watermark} where="top" />
              </td>
            </tr>
          </thead>
          <tfoot>
            <tr>
              <td>
                <Band text={doc.watermark} where="bottom" />
              </td>
            </tr>
          </tfoot>
          <tbody>
            <tr>
              <td>
                <h4 className="release-print__title">Criminal offender record information — release {r.id}</h4>
                <dl className="release-print__facts">
                  <div>
                    <dt>Recipient</dt>
                    <dd>
                      {r.recipientName}, {r.recipientAgency}
                      {r.recipientOri ? ` (ORI ${r.recipientOri})` : ''} — {recipientTypeLabel(r.recipientType)}
                    </dd>
                  </div>
                  <div>
                    <dt>Legal basis</dt>
                    <dd>{legalBasisOf(r)}</dd>
                  </div>
                  {r.chargingCase ? (
                    <div>
                      <dt>Charging case</dt>
                      <dd>{r.chargingCase}</dd>
                    </div>
                  ) : null}
                  {r.rightToKnow ? (
                    <div>
                      <dt>Right to know</dt>
                      <dd>{r.rightToKnow}</dd>
                    </div>
                  ) : null}
                  {r.needToKnow ? (
                    <div>
                      <dt>Need to know</dt>
                      <dd>{r.needToKnow}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>Released</dt>
                    <dd>
                      {r.subject} — {r.scope} · {methodLabel(r.method)}
                    </dd>
                  </div>
                  <div>
                    <dt>Requested</dt>
                    <dd>
                      {r.requestedBy} at {r.requestingWorkstation}, {formatDateTime(r.requestedAt)}
                    </dd>
                  </div>
                  <div>
                    <dt>Approved</dt>
                    <dd>
                      {r.decidedBy ?? '—'}
                      {r.decidedAt ? `, ${formatDateTime(r.decidedAt)}` : ''}
                    </dd>
                  </div>
                  <div>
                    <dt>Released by</dt>
                    <dd>
                      {r.releasedBy ?? '—'}
                      {r.releasedAt ? `, ${formatDateTime(r.releasedAt)}` : ''}
                    </dd>
                  </div>
                </dl>
                <pre className="release-print__text">{doc.text}</pre>
                <p className="release-print__notice">
                  Redissemination prohibited (PC 11142, 13303). Return this copy to the agency for witnessed destruction when it is no longer needed.
                </p>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
