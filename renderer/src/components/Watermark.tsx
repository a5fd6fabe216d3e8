// The wrapper for every view holding criminal justice information: a visible watermark (who, where,
// when) repeated over the view, which cannot be clicked, selected or read out; and copying out of the
// view goes through the main process's clipboard guard instead of the browser's own copy.
import type { ClipboardEvent, DragEvent, ReactNode } from 'react';
import { formatDateTime } from '../state/format';

export const WATERMARK_TILES = 160;

export interface WatermarkProps {
  operatorId: string;
  workstationId: string;
  /** The current time (ms); the container ticks it. */
  now: number;
  onCopyText(text: string): void;
  children: ReactNode;
  className?: string;
}

/** The text being copied or cut: an input's selection, or the page's. Never a password field's. */
function selectionIn(event: ClipboardEvent<HTMLElement>): string {
  const target = event.target;
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    if (target instanceof HTMLInputElement && target.type === 'password') return '';
    const { selectionStart, selectionEnd, value } = target;
    return selectionStart !== null && selectionEnd !== null ? value.slice(selectionStart, selectionEnd) : '';
  }
  return window.getSelection()?.toString() ?? '';
}

export function Watermark({ operatorId, workstationId, now, onCopyText, children, className }: WatermarkProps) {
  const line = `${operatorId} · ${workstationId} · ${formatDateTime(now)}`;

  function onCopy(event: ClipboardEvent<HTMLElement>) {
    const text = selectionIn(event);
    event.preventDefault();
    if (text.length > 0) onCopyText(text);
  }

  // Dragging selected text out of the view would bypass the clipboard guard.
  function onDragStart(event: DragEvent<HTMLElement>) {
    if (!(event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement)) event.preventDefault();
  }

  return (
    <div className={className ? `watermark ${className}` : 'watermark'} data-cji="true" onCopy={onCopy} onCut={onCopy} onDragStart={onDragStart}>
      {children}
      <div className="watermark__overlay" aria-hidden="true">
        <div className="watermark__tiles">
          {Array.from({ length: WATERMARK_TILES }, (_, i) => (
            <span key={i} className="watermark__tile">
              {line}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
