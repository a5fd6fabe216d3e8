// Waiting on events instead of sleeping.

import type { CletsLink, LinkStatus } from '../../../../electron/services/link';

/** Resolves with the first status (current or future) that matches. */
export function waitForStatus(link: CletsLink, match: (s: LinkStatus) => boolean, what = 'status'): Promise<LinkStatus> {
  return new Promise((resolve, reject) => {
    if (match(link.status())) return resolve(link.status());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${what}; last status ${JSON.stringify(link.status())}`));
    }, 20_000);
    const off = link.onStatus((s) => {
      if (!match(s)) return;
      clearTimeout(timer);
      off();
      resolve(s);
    });
  });
}

export const isConnected = (s: LinkStatus) => s.state === 'connected';
export const hasError = (code: string) => (s: LinkStatus) => s.error?.code === code && (s.state === 'failed' || s.state === 'reconnecting');
