// The frame of every sign-on step and of the lock screen: a single card in the middle of the page.
import type { ReactNode } from 'react';

export interface LogonCardProps {
  headingId: string;
  /** "Sign on · step 2 of 3", above the heading. */
  eyebrow: string;
  title: string;
  children: ReactNode;
  tone?: 'default' | 'notice' | 'locked';
}

export function LogonCard({ headingId, eyebrow, title, children, tone = 'default' }: LogonCardProps) {
  return (
    <section className={`logon-card logon-card--${tone}`} aria-labelledby={headingId}>
      <header className="logon-card__head">
        <p className="logon-card__eyebrow">{eyebrow}</p>
        <h2 id={headingId} className="logon-card__title">
          {title}
        </h2>
      </header>
      <div className="logon-card__body">{children}</div>
    </section>
  );
}
