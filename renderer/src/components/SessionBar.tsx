// Who is signed on, the screens their roles open, and the two ways out: Lock (Ctrl+L) and Sign off.
import type { ViewName } from '../state/nav';
import type { ViewTab } from '../state/selectors';

export interface SessionBarProps {
  operator: { id: string; name: string; roles: string };
  tabs: readonly ViewTab[];
  view: ViewName;
  onShowView(view: ViewName): void;
  onLock(): void;
  onSignOff(): void;
}

export function SessionBar({ operator, tabs, view, onShowView, onLock, onSignOff }: SessionBarProps) {
  return (
    <div className="session-bar">
      <dl className="session-bar__operator" aria-label="Signed-on operator">
        <div className="session-bar__item">
          <dt>Operator</dt>
          <dd className="mono session-bar__id">{operator.id}</dd>
        </div>
        <div className="session-bar__item">
          <dt className="visually-hidden">Name</dt>
          <dd className="session-bar__name">{operator.name}</dd>
        </div>
        <div className="session-bar__item">
          <dt className="visually-hidden">Roles</dt>
          <dd className="session-bar__roles">{operator.roles}</dd>
        </div>
      </dl>
      {tabs.length > 1 ? (
        <nav className="session-bar__nav" aria-label="Screens">
          <ul className="tabs">
            {tabs.map((tab) => (
              <li key={tab.view}>
                <button type="button" className={tab.view === view ? 'tab tab--current' : 'tab'} aria-current={tab.view === view ? 'page' : undefined} onClick={() => onShowView(tab.view)}>
                  {tab.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className="session-bar__actions">
        <button type="button" className="button button--lock" onClick={onLock} aria-keyshortcuts="Control+L">
          <span className="button__icon button__icon--lock" aria-hidden="true" />
          Lock <kbd aria-hidden="true">Ctrl+L</kbd>
        </button>
        <button type="button" className="button button--header" onClick={onSignOff}>
          Sign off
        </button>
      </div>
    </div>
  );
}
