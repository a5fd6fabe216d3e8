// Sign-on step 3: badge (something you have) and PIN (something you know), L7.
import { LogonCard } from './LogonCard';
import { BadgePinForm, type BadgePinFormProps } from './BadgePinFields';

export interface SecondFactorScreenProps extends Pick<BadgePinFormProps, 'pending' | 'error' | 'onSubmit' | 'onDismissError'> {
  operatorId: string;
  onStartOver(): void;
}

export function SecondFactorScreen({ operatorId, onStartOver, ...form }: SecondFactorScreenProps) {
  return (
    <LogonCard headingId="second-factor-title" eyebrow="Sign on · step 3 of 3" title="Badge and PIN">
      <p className="logon-card__lead">
        Signing on as <strong className="mono">{operatorId}</strong>.
      </p>
      <BadgePinForm idPrefix="logon" labelledBy="second-factor-title" submitLabel="Sign on" {...form}>
        <button type="button" className="button button--quiet" onClick={onStartOver}>
          Not you? Start over
        </button>
      </BadgePinForm>
    </LogonCard>
  );
}
