// Holds terraform/api-gateway.yaml to the limits API Gateway documents for the OpenAPI 2.0 documents
// it accepts (beyond what the Swagger 2.0 schema checks in openapi.test.mjs): path parameters are
// whole segments, no reference leaves the document, the host names no port, at most 200 YAML alias
// nodes, and every security requirement names a definition. Each check is also shown to fail.
//   node --test docs/test/
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { gatewaySpec } from '../../scripts/api-gateway-spec.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const MAX_ALIASES = 200;

/** Every value in a parsed document, with where it is. */
function* walk(value, at = '') {
  yield [at, value];
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* walk(v, `${at}/${k}`);
  }
}

/** What in a gateway document (as text) API Gateway's documented limits refuse; [] when nothing. */
export function gatewayLimitBreaches(text) {
  const found = [];
  let aliases = 0;
  YAML.visit(YAML.parseDocument(text), { Alias() { aliases += 1; } });
  if (aliases > MAX_ALIASES) found.push(`${aliases} YAML alias nodes, over ${MAX_ALIASES}`);
  const api = YAML.parse(text, { maxAliasCount: -1 });
  for (const path of Object.keys(api.paths ?? {})) {
    for (const segment of path.split('/')) {
      if (segment.includes('{') && !/^\{[^{}]+\}$/.test(segment)) {
        found.push(`${path}: the parameter in "${segment}" is part of a segment`);
      }
    }
  }
  for (const [at, value] of walk(api)) {
    if (at.endsWith('/$ref') && !String(value).startsWith('#')) found.push(`${at}: ${value} is outside the document`);
  }
  if (api.host && /:\d+$/.test(api.host)) found.push(`host ${api.host} names a port`);
  const defined = new Set(Object.keys(api.securityDefinitions ?? {}));
  const requirements = [...(api.security ?? [])];
  for (const item of Object.values(api.paths ?? {})) {
    for (const op of Object.values(item)) if (op && op.security) requirements.push(...op.security);
  }
  for (const requirement of requirements) {
    for (const name of Object.keys(requirement)) {
      if (!defined.has(name)) found.push(`security requirement ${name} has no securityDefinitions entry`);
    }
  }
  return found;
}

describe('terraform/api-gateway.yaml', () => {
  const text = readFileSync(`${ROOT}terraform/api-gateway.yaml`, 'utf8');

  test('keeps within the limits API Gateway documents', () => {
    assert.deepEqual(gatewayLimitBreaches(text), []);
  });

  test('sends every action on a resource as a segment of its own', () => {
    const paths = Object.keys(YAML.parse(text).paths);
    assert.ok(paths.includes('/api/projects/{projectId}/generations/{jobId}/cancel'), paths.join('\n'));
    assert.deepEqual(paths.filter((p) => p.includes(':')), []);
  });
});

describe('the limit checks catch what API Gateway refuses', () => {
  const doc = (extra) => YAML.stringify({
    swagger: '2.0', info: { title: 't', version: '1' }, paths: {}, ...extra,
  });

  test('a parameter that is part of a segment', () => {
    assert.deepEqual(gatewayLimitBreaches(doc({ paths: { '/jobs/{jobId}:cancel': {}, '/items/p_{id}': {} } })), [
      '/jobs/{jobId}:cancel: the parameter in "{jobId}:cancel" is part of a segment',
      '/items/p_{id}: the parameter in "p_{id}" is part of a segment',
    ]);
  });

  test('a reference outside the document, a port in the host, a security requirement without definition', () => {
    const found = gatewayLimitBreaches(doc({
      host: 'api.example.com:8443',
      security: [{ firebase: [] }],
      definitions: { A: { $ref: 'other.yaml#/definitions/B' } },
    }));
    assert.deepEqual(found.sort(), [
      '/definitions/A/$ref: other.yaml#/definitions/B is outside the document',
      'host api.example.com:8443 names a port',
      'security requirement firebase has no securityDefinitions entry',
    ]);
  });

  test('more than 200 alias nodes', () => {
    const text = `swagger: "2.0"\ninfo: &i { title: t, version: "1" }\npaths: {}\nx-many:\n${'  - *i\n'.repeat(201)}`;
    assert.deepEqual(gatewayLimitBreaches(text), ['201 YAML alias nodes, over 200']);
  });

  test('the generator refuses a path whose parameter is part of a segment', () => {
    const api = YAML.stringify({ openapi: '3.0.3', info: { title: 't', version: '1' },
      paths: { '/api/jobs/{jobId}:cancel': { post: { 'x-function': 'generations', responses: {} } } } });
    assert.throws(() => gatewaySpec(api), /whole segments/);
  });
});
