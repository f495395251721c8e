import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

/**
 * The deployment files, checked without a container engine or Helm (neither runs on the development
 * machine): the plain YAML files parse and hold the settings the operations docs promise; the
 * Containerfile and the chart's templates (Go templates, not YAML until Helm renders them) are
 * checked as text for the same promises. Rendering the chart and building the image are not
 * verified here (docs/deployment.md says how to do both).
 */
const root = path.resolve(import.meta.dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const chart = 'deploy/helm/routekaart';

type Yaml = Record<string, unknown>;
const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((v, k) => (v as Yaml | undefined)?.[k], value);

describe('deployment files', () => {
  it('the Containerfile keeps production dependencies only, runs the compiled server as a non-root user and checks readiness', () => {
    const file = read('Containerfile');
    assert.match(file, /npm run build \\\n && npm prune --omit=dev/);
    const users = [...file.matchAll(/^USER (\S+)/gm)].map((m) => m[1]);
    assert.equal(users.length, 1);
    assert.doesNotMatch(users[0] ?? '', /^(0|root)(:|$)/);
    assert.match(file, /^HEALTHCHECK .*\n.*\/health\/ready/m);
    assert.match(file, /^CMD \["node", "dist\/main.js"\]/m);
    assert.ok(read('.containerignore').split('\n').includes('node_modules'));
  });

  it('compose.yaml runs the app read-only beside PostgreSQL, with the password from the environment', () => {
    const compose = parse(read('compose.yaml')) as Yaml;
    const app = at(compose, 'services', 'app') as Yaml;
    assert.equal(app.read_only, true);
    assert.deepEqual(app.tmpfs, ['/tmp']);
    assert.equal(at(app, 'build', 'dockerfile'), 'Containerfile');
    assert.match(
      String(at(app, 'environment', 'DATABASE_URL')),
      /^postgres:\/\/routekaart:\$\{POSTGRES_PASSWORD\}@db:5432\//,
    );
    assert.equal(at(app, 'depends_on', 'db', 'condition'), 'service_healthy');
    assert.match(String(at(compose, 'services', 'db', 'image')), /postgres:1[5-9]/);
    assert.doesNotMatch(read('compose.yaml'), /POSTGRES_PASSWORD: [^$]/, 'no password in the file');
  });

  it('the chart runs two replicas with probes, a migration hook and the connection string from a Secret', () => {
    const meta = parse(read(`${chart}/Chart.yaml`)) as Yaml;
    assert.equal(meta.apiVersion, 'v2');
    const values = parse(read(`${chart}/values.yaml`)) as Yaml;
    assert.equal(values.replicaCount, 2);
    assert.equal(at(values, 'securityContext', 'readOnlyRootFilesystem'), true);
    assert.equal(at(values, 'podSecurityContext', 'runAsNonRoot'), true);
    assert.equal(at(values, 'migrationJob', 'enabled'), true);
    const cnpg = parse(read(`${chart}/values-cloudnativepg.yaml`)) as Yaml;
    assert.deepEqual(cnpg.database, { existingSecret: 'routekaart-db-app', key: 'uri' });

    const deployment = read(`${chart}/templates/deployment.yaml`);
    assert.match(deployment, /readinessProbe:\s+httpGet:\s+path: \/health\/ready/);
    assert.match(deployment, /livenessProbe:\s+httpGet:\s+path: \/health\/live/);
    assert.match(deployment, /replicas: \{\{ \.Values\.replicaCount \}\}/);
    const helpers = read(`${chart}/templates/_helpers.tpl`);
    assert.match(
      helpers,
      /name: DATABASE_URL\s+valueFrom:\s+secretKeyRef:\s+name: \{\{ \.Values\.database\.existingSecret \}\}/,
    );
    const job = read(`${chart}/templates/migration-job.yaml`);
    assert.match(job, /"helm\.sh\/hook": pre-install,pre-upgrade/);
    assert.match(job, /command: \["node", "bin\/routekaart\.js", "migrate"\]/);
    // Every value a template names exists in values.yaml: a typo would render an empty field.
    for (const file of fs.readdirSync(path.join(root, chart, 'templates'))) {
      for (const [, name] of read(`${chart}/templates/${file}`).matchAll(/\.Values\.([\w.]+)/g)) {
        assert.notEqual(at(values, ...(name ?? '').split('.')), undefined, `${file}: .Values.${name}`);
      }
    }
  });
});
