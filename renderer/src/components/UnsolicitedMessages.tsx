// Unsolicited switch messages ($. codes), newest first. The switch's text is shown as text, exactly
// as received: React escapes it, and nothing here parses it as markup.
import { countLabel, formatClock } from '../state/selectors';
import type { UnsolicitedEntry } from '../state/unsolicited';

export interface UnsolicitedMessagesProps {
  messages: readonly UnsolicitedEntry[];
}

function Message({ message }: { message: UnsolicitedEntry }) {
  return (
    <li className="message">
      <div className="message__head">
        <span className="message__code">{message.code}</span>
        <span className="message__meaning">{message.meaning}</span>
        {message.training ? <span className="tag tag--training">Training</span> : null}
        <time className="message__time" dateTime={message.receivedAt}>
          {formatClock(message.receivedAt)}
        </time>
      </div>
      <pre className="message__text">{message.text}</pre>
    </li>
  );
}

export function UnsolicitedMessages({ messages }: UnsolicitedMessagesProps) {
  return (
    <aside className="panel messages" aria-labelledby="messages-heading">
      <div className="panel__head">
        <h2 id="messages-heading" className="panel__title">
          Switch messages
        </h2>
        <span className="panel__count">{countLabel(messages.length)}</span>
      </div>
      {/* Focusable so the keyboard can scroll it; a log region so new messages are announced. */}
      <div className="messages__log" role="log" aria-live="polite" aria-labelledby="messages-heading" tabIndex={0}>
        {messages.length === 0 ? (
          <p className="messages__empty">No messages from the switch since this window opened.</p>
        ) : (
          <ol className="messages__list">
            {messages.map((message) => (
              <Message key={message.seq} message={message} />
            ))}
          </ol>
        )}
      </div>
    </aside>
  );
}
