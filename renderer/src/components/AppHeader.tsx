// Product name, this workstation's identity and the link indicator.
import type { ReactNode } from 'react';
import type { AppInfo } from '../../../shared/contract/channels';
import type { ErrorInfo } from '../../../shared/contract/result';

export interface AppHeaderProps {
  info: AppInfo | null;
  infoError: ErrorInfo | null;
  /** The link indicator, placed at the header's end. */
  children: ReactNode;
}

function Identity({ info, infoError }: Pick<AppHeaderProps, 'info' | 'infoError'>) {
  if (info === null) {
    return <p className="identity identity--pending">{infoError ? `Workstation identity unavailable: ${infoError.message}` : 'Reading workstation identity…'}</p>;
  }
  return (
    <dl className="identity" aria-label="This workstation">
      <div className="identity__item">
        <dt>Workstation</dt>
        <dd>{info.workstation.id}</dd>
      </div>
      <div className="identity__item">
        <dt>ORI</dt>
        <dd>{info.workstation.ori}</dd>
      </div>
      <div className="identity__item">
        <dt>Terminal</dt>
        <dd>{info.workstation.terminal}</dd>
      </div>
    </dl>
  );
}

export function AppHeader({ info, infoError, children }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="brand">
        <h1 className="brand__name">CLETS Workstation</h1>
        {info ? <span className="brand__version">Version {info.version}</span> : null}
      </div>
      <Identity info={info} infoError={infoError} />
      <div className="app-header__end">{children}</div>
    </header>
  );
}
