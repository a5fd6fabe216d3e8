// Real returns from the training switch's data set, and the markup a clerk would see.
import { renderToStaticMarkup } from 'react-dom/server';
import { decodeReply, formatReply, type ReplyDraft, type ReplyHeader } from '../../../../shared/codec';
import type { ReplyView as ReplyViewData } from '../../../../shared/contract/inquiry-channels';
import { ReplyContent, ReplyView, type ReplyViewProps } from '../../../../renderer/src/components/returns/ReplyView';
import { createDataset, type Dataset } from '../../../../switch/dataset';
import { respondToInquiry, type ReplyContext } from '../../../../switch/replies';

export const ORI = 'CA0349999';

let dataset: Dataset | null = null;
export function ds(): Dataset {
  dataset ??= createDataset();
  return dataset;
}

let seq = 0;
function ctx(): ReplyContext {
  return { destOri: ORI, now: new Date(2026, 10, 23, 9, 30), seq: ++seq, today: '20261123' };
}

/** The training switch's reply text to an inquiry text. */
export function ask(inquiry: string): string {
  return respondToInquiry(ds(), inquiry, ORI, ctx());
}

/** What the main process would send for a text: the kind from the same codec. */
export function viewOf(text: string, over: Partial<ReplyViewData> = {}): ReplyViewData {
  const decoded = decodeReply(text);
  return { kind: decoded.kind, text, training: decoded.training, withheld: false, ...over };
}

export function render(reply: ReplyViewData, props: Partial<ReplyViewProps> = {}): string {
  return renderToStaticMarkup(<ReplyView reply={reply} idPrefix="r1" {...props} />);
}

export const header = (mke: string): ReplyHeader => ({
  mke,
  senderOri: 'CA0000000',
  switchStamp: { time: '09:30', date: '11/23/2026', seq: '00001' },
  destStamp: { time: '09:30', date: '11/23/2026', seq: '00001' },
  destOri: ORI,
});

export function text(draft: ReplyDraft): string {
  return formatReply(draft);
}

/** The text a browser would show for markup (tags dropped, entities decoded). */
export function visibleTextOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** How React writes text into markup. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}

/** The markup with the raw text open (ReplyContent, the hook-free body of ReplyView). */
export function renderOpen(reply: ReplyViewData, props: Partial<ReplyViewProps> = {}): string {
  return renderToStaticMarkup(
    <ReplyContent view={reply} decoded={decodeReply(reply.text)} idPrefix="r1" rawOpen onToggleRaw={() => undefined} {...props} />,
  );
}
