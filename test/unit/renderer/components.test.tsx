// Components render props to markup; checked here without a DOM (react-dom/server).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LinkStatusIndicator } from '../../../renderer/src/components/LinkStatusIndicator';
import { TrainingBanner } from '../../../renderer/src/components/TrainingBanner';
import { UnsolicitedMessages } from '../../../renderer/src/components/UnsolicitedMessages';
import { describeLink } from '../../../renderer/src/state/selectors';
import { linkStatus, unsolicited } from './fake-api';

describe('TrainingBanner', () => {
  it('is a status region that says the records are synthetic, not real CJI', () => {
    const html = renderToStaticMarkup(<TrainingBanner training />);
    expect(html).toContain('role="status"');
    expect(html).toContain('TRAINING MODE');
    expect(html).toMatch(/Synthetic training records/);
    expect(html).toMatch(/not real criminal justice information \(CJI\)/);
    expect(html).not.toMatch(/<button/);
  });

  it('keeps an empty live region when not training', () => {
    const html = renderToStaticMarkup(<TrainingBanner training={false} />);
    expect(html).toContain('role="status"');
    expect(html).not.toContain('TRAINING');
  });
});

describe('LinkStatusIndicator', () => {
  it('shows the failure in words', () => {
    const indicator = describeLink(linkStatus({ state: 'failed', error: { code: 'TLS', message: 'The switch certificate is not trusted.' } }));
    const html = renderToStaticMarkup(<LinkStatusIndicator indicator={indicator} />);
    expect(html).toContain('Link failed');
    expect(html).toContain('The switch certificate is not trusted.');
    expect(html).toContain('link-status--error');
  });

  it('shows when the next attempt is due', () => {
    const indicator = describeLink(linkStatus({ state: 'reconnecting', nextAttemptAt: '2026-11-23T12:00:30.000Z' }));
    const html = renderToStaticMarkup(<LinkStatusIndicator indicator={indicator} />);
    expect(html).toContain('Next attempt at <time dateTime="2026-11-23T12:00:30.000Z">');
  });
});

describe('UnsolicitedMessages', () => {
  it('renders switch text as text, never as markup', () => {
    const html = renderToStaticMarkup(<UnsolicitedMessages messages={[{ ...unsolicited({ text: '$.A <img src=x onerror=alert(1)>' }), seq: 1 }]} />);
    expect(html).toContain('$.A &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('says when there are no messages', () => {
    expect(renderToStaticMarkup(<UnsolicitedMessages messages={[]} />)).toContain('No messages from the switch');
  });
});
