import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

/** Runs loadConfig and returns the ConfigError it throws; fails when it throws nothing or something else. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error;
  }
  assert.fail(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('configuration is read from the environment and checked at start', () => {
  it('uses safe defaults when nothing is set', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, path.resolve('./data'));
    assert.ok(path.isAbsolute(config.dataDir));
    assert.equal(config.publicUrl, 'http://localhost:3000');
    assert.equal(config.isHttps, false);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.smtpUrl, undefined);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.trustProxy, false);
    assert.equal(config.contactEmail, undefined);
  });

  it('derives the default public URL from PORT and resolves DATA_DIR to an absolute path', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: 'var/routekaart' });
    assert.equal(config.port, 8080);
    assert.equal(config.publicUrl, 'http://localhost:8080');
    assert.equal(config.dataDir, path.resolve('var/routekaart'));
  });

  it('treats an https public URL as HTTPS (secure cookies, HSTS) and drops its trailing slash', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://routekaart.example.nl/' });
    assert.equal(config.isHttps, true);
    assert.equal(config.publicUrl, 'https://routekaart.example.nl');
  });

  it('accepts correct values for every checked setting', () => {
    const config = loadConfig({
      PORT: '65535',
      DATABASE_URL: 'postgresql://rk:secret@db:5432/routekaart',
      SMTP_URL: 'smtps://mail.example.nl:465',
      LOG_LEVEL: 'warn',
      TRUST_PROXY: 'yes',
      CONTACT_EMAIL: 'digitalisering@pzh.example',
    });
    assert.equal(config.port, 65535);
    assert.equal(config.databaseUrl, 'postgresql://rk:secret@db:5432/routekaart');
    assert.equal(config.smtpUrl, 'smtps://mail.example.nl:465');
    assert.equal(config.logLevel, 'warn');
    assert.equal(config.trustProxy, 1, '"yes" means one proxy, never "believe any X-Forwarded-For"');
    assert.equal(config.contactEmail, 'digitalisering@pzh.example');
  });

  const wrongValues: { setting: string; value: string; advice: RegExp }[] = [
    { setting: 'PORT', value: 'abc', advice: /1 to 65535.*Set PORT=3000/ },
    { setting: 'PORT', value: '70000', advice: /1 to 65535.*Set PORT=3000/ },
    { setting: 'DATABASE_URL', value: 'mysql://x', advice: /must start with postgres/ },
    { setting: 'SMTP_URL', value: 'http://x', advice: /must start with smtp/ },
    {
      setting: 'LOG_LEVEL',
      value: 'loud',
      advice: /must be one of fatal, error, warn, info, debug, trace, silent/,
    },
    { setting: 'TRUST_PROXY', value: 'maybe', advice: /number of proxies.*list of proxy addresses/ },
    { setting: 'SESSION_IDLE_MINUTES', value: '2', advice: /5 to 1440.*SESSION_IDLE_MINUTES=120/ },
    { setting: 'SESSION_ABSOLUTE_HOURS', value: 'forever', advice: /1 to 720/ },
    { setting: 'AUDIT_RETENTION_MONTHS', value: '0', advice: /1 to 120/ },
    { setting: 'CONTACT_EMAIL', value: 'not-an-email', advice: /must be an e-mail address/ },
  ];
  for (const { setting, value, advice } of wrongValues) {
    it(`refuses ${setting}=${value} with a ConfigError that names ${setting} and says what to set`, () => {
      const error = configError({ [setting]: value });
      assert.ok(error.message.startsWith(setting), `message does not name ${setting}: ${error.message}`);
      assert.match(error.message, advice);
      // The wrong value (or, for a URL, its wrong scheme) is quoted back, so the operator sees what was read.
      const shown = setting.endsWith('_URL') ? new URL(value).protocol : value;
      assert.ok(error.message.includes(`"${shown}"`), `message does not quote "${shown}": ${error.message}`);
    });
  }

  it('reads TRUST_PROXY as a hop count or a list of proxy addresses (never "trust any")', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16' }).trustProxy, [
      '10.0.0.1',
      '192.168.0.0/16',
    ]);
  });

  it('reads the session lifetimes and the audit retention, with documented defaults', () => {
    const defaults = loadConfig({});
    assert.deepEqual(defaults.sessionLifetimes, { idleMinutes: 120, absoluteHours: 12 });
    assert.equal(defaults.auditRetentionMonths, 18);
    const set = loadConfig({ SESSION_IDLE_MINUTES: '30', SESSION_ABSOLUTE_HOURS: '8' });
    assert.deepEqual(set.sessionLifetimes, { idleMinutes: 30, absoluteHours: 8 });
  });

  it('refuses a public URL that is not a URL, naming PUBLIC_URL', () => {
    const error = configError({ PUBLIC_URL: 'routekaart.example.nl' });
    assert.match(error.message, /^PUBLIC_URL is not a valid URL/);
    assert.match(error.message, /http:\/\//);
  });
});
