// Checks that the API descriptions are valid, so that a client generator, a gateway or a reader's
// tool sees the API the server implements:
//   docs/openapi.yaml           OpenAPI 3.0, the public API (source of the other one)
//   terraform/api-gateway.yaml  Swagger 2.0, what API Gateway is given (scripts/api-gateway-spec.mjs)
// Each is read as strict YAML (no duplicate keys, no warnings), searched for flow-mapping entries
// without a value (a plain description with a comma in braces ends at the comma, and the rest of the
// sentence becomes a key of its own), and validated with @apidevtools/swagger-parser, which checks
// the document against the official JSON Schema of its version and then the rules a schema cannot
// express (unique operationIds, path parameters declared, ...).
//   node --test docs/test/
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import SwaggerParser from '@apidevtools/swagger-parser';
import YAML from 'yaml';

const ROOT = new URL('../../', import.meta.url).pathname;

/** The document of a YAML text, parsed as strictly as the yaml package can; throws on any error or warning. */
function strictDocument(text, name) {
  const lines = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: true, lineCounter: lines });
  const problems = [...doc.errors, ...doc.warnings].map((e) => e.message);
  assert.deepEqual(problems, [], `${name} is not clean YAML`);
  return { doc, lines };
}

/**
 * Where a flow mapping ({ ... }) holds an entry without a value: "{ description: No such thing, or
 * not yours. }" reads as description "No such thing" and a key "or not yours." with no value.
 */
function keysWithoutValues({ doc, lines }) {
  const found = [];
  YAML.visit(doc, {
    Pair(_, pair, path) {
      const map = path[path.length - 1];
      if (YAML.isMap(map) && map.flow && pair.value === null) {
        const at = pair.key?.range ? lines.linePos(pair.key.range[0]) : { line: '?', col: '?' };
        found.push(`line ${at.line}:${at.col}: ${JSON.stringify(String(pair.key))} has no value`);
      }
    },
  });
  return found;
}

/** What the standard validator says about a parsed document: [] when it is valid. */
async function validatorErrors(api) {
  try {
    await SwaggerParser.validate(structuredClone(api));
    return [];
  } catch (e) {
    return String(e.message).split('\n').map((l) => l.trim()).filter(Boolean);
  }
}

const DESCRIPTIONS = [
  { file: 'docs/openapi.yaml', version: (api) => api.openapi, want: /^3\.0\.\d+$/ },
  { file: 'terraform/api-gateway.yaml', version: (api) => api.swagger, want: /^2\.0$/ },
];

for (const { file, version, want } of DESCRIPTIONS) {
  describe(file, () => {
    const text = readFileSync(`${ROOT}${file}`, 'utf8');

    test('is strict YAML: no duplicate keys, no warnings', () => {
      strictDocument(text, file);
    });

    test('has no flow-mapping entry without a value (a comma in a plain description)', () => {
      const found = keysWithoutValues(strictDocument(text, file));
      assert.deepEqual(found, [], `${file}: quote the descriptions that hold a comma, or write the mapping as a block:\n${found.join('\n')}`);
    });

    test('is a valid description of its version for a standard validator', async () => {
      const api = YAML.parse(text);
      assert.match(String(version(api)), want, `${file} declares the wrong version`);
      const errors = await validatorErrors(api);
      assert.deepEqual(errors.slice(0, 20), [], `${file} is not valid (${errors.length} lines from @apidevtools/swagger-parser)`);
    });
  });
}

// The checks above must be able to fail: each catches the defect they exist for.
describe('the checks catch a comma in a plain flow-mapping description', () => {
  const broken = [
    'openapi: 3.0.3',
    'info: { title: t, version: "1" }',
    'paths: {}',
    'components:',
    '  schemas:',
    '    Problem:',
    '      type: object',
    '      properties:',
    '        detail: { type: string, description: What went wrong, in words a person can act on. }',
    '',
  ].join('\n');

  test('the entry-without-value search names the line', () => {
    assert.deepEqual(keysWithoutValues(strictDocument(broken, 'the example')),
      ['line 9:63: "in words a person can act on." has no value']);
  });

  test('the validator rejects the document', async () => {
    const errors = await validatorErrors(YAML.parse(broken));
    assert.ok(errors.some((e) => e.includes('/components/schemas/Problem/properties/detail')),
      `the validator accepted a schema with an extra key: ${errors.join('\n')}`);
  });

  test('the validator accepts it once the description is quoted', async () => {
    const fixed = broken.replace('description: What went wrong, in words a person can act on.',
      'description: "What went wrong, in words a person can act on."');
    assert.deepEqual(keysWithoutValues(strictDocument(fixed, 'the example')), []);
    assert.deepEqual(await validatorErrors(YAML.parse(fixed)), []);
  });
});
