// The training banner. Permanent while training: no close button, no way to hide it, and it stays in
// the page's flow at the top so nothing can cover it.
export interface TrainingBannerProps {
  training: boolean;
}

export function TrainingBanner({ training }: TrainingBannerProps) {
  // The live region is always in the page so that a switch into training is announced.
  return (
    <div className={training ? 'training-banner' : 'training-banner training-banner--off'} role="status" aria-live="polite" aria-labelledby={training ? 'training-banner-title' : undefined}>
      {training ? (
        <>
          <strong id="training-banner-title" className="training-banner__title">
            TRAINING MODE
          </strong>
          <span className="training-banner__text">
            Synthetic training records only: not real criminal justice information (CJI). Do not act on anything shown here.
          </span>
        </>
      ) : null}
    </div>
  );
}
