import { describe, expect, it } from 'vitest';
import { describePostgresUrl, openPostgres, parsePostgresUrl } from '../../../electron/services/store/postgres';

describe('agency database URL', () => {
  it('parses user, password, host, port and database', () => {
    expect(parsePostgresUrl('postgres://clets%40sac:p%3Ass@db.agency.example:6432/roster')).toEqual({
      host: 'db.agency.example',
      port: 6432,
      user: 'clets@sac',
      password: 'p:ss',
      database: 'roster',
    });
    expect(parsePostgresUrl('postgresql://clets@[::1]/roster')).toMatchObject({ host: '::1', port: 5432, password: undefined });
  });

  it('refuses options in the URL, so sslmode=disable cannot turn TLS off', () => {
    for (const url of ['postgres://u@h/db?sslmode=disable', 'postgres://u@h/db?ssl=false', 'postgres://u@h/db#x']) {
      expect(() => parsePostgresUrl(url)).toThrow(expect.objectContaining({ code: 'STORE_URL_INVALID', message: expect.stringMatching(/cannot turn TLS off/) }));
    }
  });

  it('refuses URLs that are not a postgres URL naming a host, user and one database', () => {
    for (const url of ['not a url', 'mysql://u@h/db', 'postgres://h/db', 'postgres://u@h/', 'postgres://u@h/a/b']) {
      expect(() => parsePostgresUrl(url), url).toThrow(expect.objectContaining({ code: 'STORE_URL_INVALID' }));
    }
  });

  it('describes a URL without its password', () => {
    const text = describePostgresUrl('postgres://clets:Sup3r-Secret@db.agency.example:6432/roster');
    expect(text).toBe('postgres://clets@db.agency.example:6432/roster');
    expect(text).not.toContain('Sup3r-Secret');
    expect(describePostgresUrl('postgres://clets:Sup3r-Secret@h/db?sslmode=disable')).not.toContain('Sup3r-Secret');
  });

  it('will not open without the agency CA (TLS is required)', async () => {
    await expect(openPostgres('postgres://u:pw@127.0.0.1:1/db', { ssl: { ca: '' } })).rejects.toMatchObject({ code: 'STORE_TLS_REQUIRED' });
  });
});
