// Checks terraform/ against the code, without Terraform (which cannot be installed here): every .tf
// file is parsed with @cdktf/hcl2json, then compared with the function classes under functions/, the
// rewrites of firebase.json, docs/openapi.yaml, the API Gateway description and the names in
// GenerationSettings; and every reference must land on something declared, with nothing left over.
//   node --test terraform/test/
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import YAML from 'yaml';
import { gatewaySpec } from '../../scripts/api-gateway-spec.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const TF = join(ROOT, 'terraform');
const read = (path) => readFileSync(join(ROOT, path), 'utf8');

// What the parsed configuration declares, keyed the way expressions name it.
const declared = { resources: new Map(), data: new Map(), variables: new Map(), locals: new Map(), outputs: new Map() };
const expressions = []; // [where, expression text] for every ${...} string in every file

function collectExpressions(where, value) {
  if (typeof value === 'string') {
    if (value.includes('${')) expressions.push([where, value]);
  } else if (Array.isArray(value)) {
    value.forEach((v) => collectExpressions(where, v));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collectExpressions(where, v);
  }
}

/** The references in one expression: var.x, local.x, data.t.n, and managed resources t.n. */
function referencesIn(text) {
  const refs = [];
  for (const m of text.matchAll(/(?<![\w.-])var\.([A-Za-z_][\w-]*)/g)) refs.push(`var.${m[1]}`);
  for (const m of text.matchAll(/(?<![\w.-])local\.([A-Za-z_][\w-]*)/g)) refs.push(`local.${m[1]}`);
  for (const m of text.matchAll(/(?<![\w.-])data\.([a-z0-9_]+)\.([A-Za-z_][\w-]*)/g)) refs.push(`data.${m[1]}.${m[2]}`);
  for (const m of text.matchAll(/(?<![\w.-])(google_[a-z0-9_]+)\.([A-Za-z_][\w-]*)/g)) refs.push(`${m[1]}.${m[2]}`);
  return refs;
}

/** Keys used on a for_each resource or a map local: google_x.name["key"] and local.name["key"]. */
function indexedKeys(prefix) {
  const keys = new Set();
  const re = new RegExp(`${prefix.replace(/[.[\]]/g, '\\$&')}\\["([^"]+)"\\]`, 'g');
  for (const [, text] of expressions) for (const m of text.matchAll(re)) keys.add(m[1]);
  return keys;
}

function resource(type, name) {
  const r = declared.resources.get(`${type}.${name}`);
  assert.ok(r, `terraform declares no ${type}.${name}`);
  return r;
}

function resourcesOfType(type) {
  return [...declared.resources.entries()].filter(([k]) => k.startsWith(`${type}.`)).map(([k, v]) => [k.split('.')[1], v]);
}

/** A Java string constant, as written in the source. */
function javaConstant(path, name) {
  const m = read(path).match(new RegExp(`static final String ${name} = "([^"]+)"`));
  assert.ok(m, `${path} declares no ${name}`);
  return m[1];
}

/** The default the settings catalog (shared/core's Settings) gives a setting, as written there. */
function catalogDefault(name) {
  const m = read('shared/core/src/main/java/dev/contentcreator/core/config/Settings.java')
    .match(new RegExp(`Setting<[^=]*> ${name} = \\w+\\("${name}", "([^"]*)"`));
  assert.ok(m, `the catalog declares no default for ${name}`);
  return m[1];
}

/** Seconds in a duration as the catalog (500ms, 30s, 5m, 2h, 7d) or Terraform ("60s") writes it. */
function seconds(text) {
  const m = String(text).match(/^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/);
  assert.ok(m, `not a duration: ${text}`);
  return Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[m[2]];
}

/** The function classes under functions/: module, class, and the kind of function. */
function functionClasses() {
  const out = [];
  for (const module of readdirSync(join(ROOT, 'functions'))) {
    const src = join(ROOT, 'functions', module, 'src/main/java');
    if (!existsSync(src)) continue;
    const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
      ? walk(join(dir, e.name)) : e.name.endsWith('.java') ? [join(dir, e.name)] : []));
    for (const file of walk(src)) {
      const text = readFileSync(file, 'utf8');
      const kind = /implements\s+[^{]*\bHttpFunction\b/.test(text) ? 'http'
        : /implements\s+[^{]*\bCloudEventsFunction\b/.test(text) ? 'event' : null;
      if (!kind) continue;
      const pkg = text.match(/^package\s+([\w.]+);/m)[1];
      out.push({ module, className: `${pkg}.${file.split('/').pop().replace(/\.java$/, '')}`, kind });
    }
  }
  return out;
}

/** Firebase Hosting's glob: * is one path segment, ** any number of them. */
function globMatches(glob, path) {
  const re = glob.split('/').map((part) => (part === '**' ? '.*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*'))).join('/').replace(/\/\.\*$/, '(/.*)?');
  return new RegExp(`^${re}$`).test(path);
}

let specs; // function name -> its fields in local.function_specs, merged over local.function_defaults
let firebase;
let openapi;

before(async () => {
  const files = readdirSync(TF).filter((f) => f.endsWith('.tf'));
  assert.ok(files.length > 0, 'terraform/ has no .tf files');
  for (const file of files) {
    const json = await parse(file, readFileSync(join(TF, file), 'utf8'));
    for (const [type, byName] of Object.entries(json.resource ?? {})) {
      for (const [name, blocks] of Object.entries(byName)) {
        assert.ok(!declared.resources.has(`${type}.${name}`), `${type}.${name} is declared twice`);
        declared.resources.set(`${type}.${name}`, { ...blocks[0], file });
      }
    }
    for (const [type, byName] of Object.entries(json.data ?? {})) {
      for (const [name, blocks] of Object.entries(byName)) declared.data.set(`data.${type}.${name}`, blocks[0]);
    }
    for (const [name, blocks] of Object.entries(json.variable ?? {})) declared.variables.set(`var.${name}`, blocks[0]);
    for (const block of json.locals ?? []) {
      for (const [name, value] of Object.entries(block)) {
        assert.ok(!declared.locals.has(`local.${name}`), `local.${name} is declared twice`);
        declared.locals.set(`local.${name}`, value);
      }
    }
    for (const [name, blocks] of Object.entries(json.output ?? {})) declared.outputs.set(name, blocks[0]);
    collectExpressions(file, json);
  }
  const defaults = declared.locals.get('local.function_defaults');
  const raw = declared.locals.get('local.function_specs');
  assert.ok(defaults && raw, 'terraform must declare local.function_defaults and local.function_specs');
  specs = Object.fromEntries(Object.entries(raw).map(([name, spec]) => [name, { ...defaults, ...spec }]));
  firebase = JSON.parse(read('firebase.json'));
  openapi = YAML.parse(read('docs/openapi.yaml'));
});

const publicFunctions = () => Object.keys(specs).filter((n) => specs[n].access === 'public');

describe('references', () => {
  test('every reference names something declared', () => {
    const missing = [];
    for (const [file, text] of expressions) {
      for (const ref of referencesIn(text)) {
        const known = ref.startsWith('var.') ? declared.variables.has(ref)
          : ref.startsWith('local.') ? declared.locals.has(ref)
            : ref.startsWith('data.') ? declared.data.has(ref) : declared.resources.has(ref);
        if (!known) missing.push(`${ref} (in ${file})`);
      }
    }
    assert.deepEqual([...new Set(missing)], []);
  });

  test('every variable and every local is used', () => {
    const used = new Set(expressions.flatMap(([, text]) => referencesIn(text)));
    const unused = [...declared.variables.keys(), ...declared.locals.keys()].filter((k) => !used.has(k));
    assert.deepEqual(unused, []);
  });

  test('no resource is left dangling: each is used, unless it is a binding or a job that ends a chain', () => {
    const ends = /(_iam_member|_scheduler_job|^google_api_gateway_gateway|^google_project_service|^terraform_data)$/;
    const used = new Set(expressions.flatMap(([, text]) => referencesIn(text)));
    const dangling = [...declared.resources.keys()]
      .filter((k) => !used.has(k) && !ends.test(k.split('.')[0]))
      // The dead-letter topic's subscription is where failed events wait to be looked at.
      .filter((k) => k !== 'google_pubsub_subscription.generation_requests_dead');
    assert.deepEqual(dangling, []);
  });

  test('keys used on for_each resources and maps exist', () => {
    const names = new Set(Object.keys(specs));
    for (const prefix of ['google_cloudfunctions2_function.function', 'local.function_urls',
      'google_service_account.function', 'local.functions']) {
      for (const key of indexedKeys(prefix)) assert.ok(names.has(key), `${prefix}["${key}"]: no such function`);
    }
    const queues = Object.keys(declared.locals.get('local.queues'));
    for (const key of indexedKeys('local.queues')) assert.ok(queues.includes(key), `local.queues["${key}"]: no such queue`);
  });
});

describe('functions', () => {
  test('every function class under functions/ has its Terraform function, from its own module', () => {
    const classes = functionClasses();
    assert.ok(classes.length >= 10, `expected the function classes of functions/, found ${classes.length}`);
    for (const { module, className, kind } of classes) {
      const entry = Object.entries(specs).find(([, s]) => s.entry_point === className);
      assert.ok(entry, `${className} (functions/${module}) has no function in terraform/functions.tf`);
      assert.equal(entry[1].module, module, `${className} is in functions/${module}`);
      const eventKinds = ['pubsub', 'storage'];
      assert.equal(eventKinds.includes(entry[1].access), kind === 'event',
        `${className} is a${kind === 'event' ? ' CloudEventsFunction' : 'n HttpFunction'} but access is ${entry[1].access}`);
    }
  });

  test('every module under functions/ is deployed', () => {
    const modules = new Set(Object.values(specs).map((s) => s.module));
    for (const dir of readdirSync(join(ROOT, 'functions'))) {
      if (existsSync(join(ROOT, 'functions', dir, 'pom.xml'))) assert.ok(modules.has(dir), `functions/${dir} is not deployed`);
    }
  });

  for (const name of ['tasks', 'fanout', 'scheduler', 'health', 'media-finalize']) {
    test(`the class terraform runs as ${name} exists`, (t) => {
      const spec = specs[name];
      assert.ok(spec, `terraform has no function ${name}`);
      const dir = join(ROOT, 'functions', spec.module);
      if (!existsSync(dir)) {
        t.skip(`functions/${spec.module} is not in this checkout yet; ${spec.entry_point} is unchecked`);
        return;
      }
      const file = join(dir, 'src/main/java', `${spec.entry_point.replaceAll('.', '/')}.java`);
      assert.ok(existsSync(file), `${spec.entry_point} is not in functions/${spec.module}`);
    });
  }

  test('each function is a Java 17 gen2 function with its own service account and a known caller', () => {
    const fn = resource('google_cloudfunctions2_function', 'function');
    assert.equal(fn.for_each, '${local.functions}');
    assert.equal(fn.build_config[0].runtime, 'java17');
    assert.equal(fn.build_config[0].entry_point, '${each.value.entry_point}');
    assert.equal(fn.service_config[0].service_account_email, '${google_service_account.function[each.key].email}');
    const sa = resource('google_service_account', 'function');
    assert.equal(sa.for_each, '${local.functions}');
    assert.match(sa.account_id, /\$\{each\.key\}/);
    const invokers = Object.keys(declared.locals.get('local.invokers'));
    for (const [name, spec] of Object.entries(specs)) {
      assert.ok(spec.access === 'public' || invokers.includes(spec.access), `${name}: no invoker for access ${spec.access}`);
      assert.ok(`fn-${name}`.length <= 30, `${name}: service account id fn-${name} is too long`);
    }
  });

  test('the function serving live streams serves many at once, and outlives a stream that ends before 60 s', () => {
    const config = resource('google_cloudfunctions2_function', 'function').service_config[0];
    assert.equal(config.max_instance_request_concurrency, '${each.value.concurrency}');
    const streams = specs.generations;
    assert.ok(streams.concurrency > 1, 'the generations function (which serves /events) takes more than one request an instance');
    assert.ok(streams.concurrency <= 1000, 'Cloud Functions allows at most 1000 requests an instance');
    for (const [name, spec] of Object.entries(specs)) {
      if (spec.concurrency > 1) assert.ok(Number(config.available_cpu) >= 1, `${name}: concurrency above 1 needs a whole vCPU`);
    }
    const bound = seconds(catalogDefault('STREAM_MAX_DURATION'));
    assert.ok(bound < 60, 'a stream ends before Hosting and API Gateway cut it at 60 s');
    assert.ok(streams.timeout > bound, 'the function does not cut a stream before its bound');
  });

  test('the adapters the functions are told to use are the names shared/gcp gives them', (t) => {
    const env = declared.locals.get('local.common_env');
    const ports = { DOCUMENTS: 'DocumentStore', BLOBS: 'BlobStore', EVENTS: 'EventBus', TASKS: 'TaskQueue' };
    const factories = {}; // port -> adapter names of shared/gcp
    const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
      ? walk(join(dir, e.name)) : e.name.endsWith('.java') ? [join(dir, e.name)] : []));
    for (const file of walk(join(ROOT, 'shared/gcp/src/main/java'))) {
      const text = readFileSync(file, 'utf8');
      const port = text.match(/implements\s+PortFactory<(\w+)>/)?.[1];
      const name = text.match(/String name\(\)\s*\{\s*return\s+"([^"]+)"/)?.[1];
      if (port && name) (factories[port] ??= []).push(name);
    }
    const absent = [];
    for (const [setting, port] of Object.entries(ports)) {
      assert.ok(env[setting], `local.common_env sets no ${setting}`);
      if (!factories[port]) {
        absent.push(`${setting} (${port})`);
        continue;
      }
      assert.ok(factories[port].includes(env[setting]),
        `${setting} = "${env[setting]}", but shared/gcp names its ${port} adapter ${factories[port].join(' or ')}`);
    }
    if (absent.length) t.skip(`shared/gcp has no adapter yet for ${absent.join(', ')}: their names are unchecked`);
  });

  test('the functions send mail through the SMTP adapter of shared/mail, and only the sender has its password', () => {
    const env = declared.locals.get('local.common_env');
    const dir = join(ROOT, 'shared/mail/src/main/java/dev/contentcreator/mail');
    const names = readdirSync(dir).filter((f) => f.endsWith('Factory.java'))
      .map((f) => readFileSync(join(dir, f), 'utf8').match(/String name\(\)\s*\{\s*return\s+"([^"]+)"/)?.[1]);
    assert.ok(names.includes(env.MAILER), `MAILER = "${env.MAILER}", but shared/mail makes ${names.join(' or ')}`);
    assert.equal(env.MAILER, 'smtp', 'production sends through SMTP, never into a folder outbox');
    assert.ok(env.APP_URL, 'links in e-mail need the app\'s address');
    for (const [name, spec] of Object.entries(specs)) {
      const reads = (spec.secrets ?? []).includes('SMTP_PASSWORD');
      assert.equal(reads, name === 'tasks', `${name} ${reads ? 'reads' : 'does not read'} SMTP_PASSWORD`);
    }
  });

  test('the secrets a function reads are declared, and only the functions that need a key get it', () => {
    const secrets = declared.locals.get('local.secrets');
    for (const [name, spec] of Object.entries(specs)) {
      for (const s of spec.secrets) assert.ok(s in secrets, `${name} reads ${s}, which local.secrets does not map`);
    }
    for (const ref of Object.values(secrets)) assert.match(ref, /^\$\{google_secret_manager_secret\.\w+\}$/);
    const withKey = (key) => Object.keys(specs).filter((n) => specs[n].secrets.includes(key)).sort();
    // templates accepts "try it" jobs, choosing their provider as generations does (it calls none).
    assert.deepEqual(withKey('OPENAI_API_KEY'), ['generations', 'tasks', 'templates']);
    assert.deepEqual(withKey('ANTHROPIC_API_KEY'), ['generations', 'tasks', 'templates']);
    assert.deepEqual(withKey('GEMINI_API_KEY'), ['generations', 'tasks', 'templates']);
    assert.deepEqual(withKey('GOAPI_WEBHOOK_SECRET'), ['tasks', 'webhooks']);
  });

  test('functions are packaged where terraform reads them', () => {
    const script = read('scripts/package-functions.sh');
    assert.match(script, /out="\$root\/target\/functions"/);
    assert.equal(declared.variables.get('var.functions_dist_dir').default, '../target/functions');
    const source = resource('google_storage_bucket_object', 'source');
    assert.match(source.source, /\$\{var\.functions_dist_dir\}\/\$\{each\.value\.module\}\.zip/);
  });
});

describe('routes', () => {
  const rewrites = () => firebase.hosting.rewrites.filter((r) => r.function);

  test('every public function has a firebase.json rewrite; internal ones have none', () => {
    const routed = new Set(rewrites().map((r) => r.function.functionId));
    for (const name of publicFunctions()) assert.ok(routed.has(name), `${name} has no rewrite in firebase.json`);
    for (const id of routed) {
      assert.ok(specs[id], `firebase.json routes to ${id}, which terraform does not deploy`);
      assert.equal(specs[id].access, 'public', `firebase.json routes to ${id}, which only Google may call`);
    }
  });

  test('the rewrites name the region the functions are deployed in', () => {
    const region = declared.variables.get('var.region').default;
    for (const r of rewrites()) assert.equal(r.function.region, region, `${r.source} names ${r.function.region}`);
  });

  test('every OpenAPI operation names a public function, and firebase.json routes its path there', () => {
    const seen = new Set();
    for (const [path, item] of Object.entries(openapi.paths)) {
      const sample = path.replace(/\{[^}]+\}/g, 'x1');
      const routed = rewrites().find((r) => globMatches(r.source, sample))?.function.functionId;
      for (const [method, op] of Object.entries(item)) {
        if (method === 'parameters') continue;
        const fn = op['x-function'];
        assert.ok(fn && specs[fn]?.access === 'public', `${method} ${path}: x-function ${fn} is not a public function`);
        assert.equal(routed, fn, `${method} ${path}: firebase.json routes it to ${routed}, OpenAPI says ${fn}`);
        seen.add(fn);
      }
    }
    for (const name of publicFunctions()) assert.ok(seen.has(name), `${name} has no path in docs/openapi.yaml`);
  });

  test('the API Gateway description is the one docs/openapi.yaml gives', () => {
    assert.equal(read('terraform/api-gateway.yaml'), gatewaySpec(read('docs/openapi.yaml')),
      'terraform/api-gateway.yaml is stale: run node scripts/api-gateway-spec.mjs');
  });

  test('API Gateway serves the same paths, each to the same function, and the gateway gets each address', () => {
    const gw = YAML.parse(read('terraform/api-gateway.yaml'));
    assert.equal(gw.swagger, '2.0');
    assert.deepEqual(Object.keys(gw.paths).sort(), Object.keys(openapi.paths).sort());
    for (const [path, item] of Object.entries(gw.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (method === 'parameters') continue;
        const want = openapi.paths[path][method]?.['x-function'];
        assert.equal(op['x-google-backend'].address, `\${${want}}`, `${method} ${path}`);
        assert.equal(op['x-google-backend'].path_translation, 'APPEND_PATH_TO_ADDRESS');
      }
    }
    const config = resource('google_api_gateway_api_config', 'api');
    const contents = config.openapi_documents[0].document[0].contents;
    assert.match(contents, /templatefile\("\$\{path\.module\}\/api-gateway\.yaml"/);
    assert.match(contents, /if f\.access == "public"/);
  });
});

describe('messaging and data', () => {
  const settings = 'shared/core/src/main/java/dev/contentcreator/core/generation/GenerationSettings.java';

  test('the generation topic exists, delivered to the fan-out by Eventarc, with a dead-letter topic', () => {
    const topic = javaConstant(settings, 'TOPIC');
    const found = resourcesOfType('google_pubsub_topic').find(([, t]) => t.name === topic);
    assert.ok(found, `no google_pubsub_topic named ${topic}`);
    assert.equal(specs.fanout?.access, 'pubsub', 'the fan-out must be triggered by the topic');
    const trigger = declared.locals.get('local.event_triggers').pubsub;
    assert.equal(trigger.pubsub_topic, `\${google_pubsub_topic.${found[0]}.id}`);
    assert.equal(trigger.event_type, 'google.cloud.pubsub.topic.v1.messagePublished');
    const fn = resource('google_cloudfunctions2_function', 'function');
    assert.match(fn.dynamic.event_trigger[0].for_each, /local\.event_triggers\[each\.value\.access\]/);

    const deadLetter = resource('terraform_data', 'fanout_dead_letter');
    const env = deadLetter.provisioner['local-exec'][0].environment;
    assert.equal(env.TRIGGER, '${google_cloudfunctions2_function.function["fanout"].event_trigger[0].trigger}');
    const deadTopic = env.DEAD_TOPIC.match(/^\$\{google_pubsub_topic\.(\w+)\.id\}$/)?.[1];
    assert.ok(deadTopic && deadTopic !== found[0], `the fan-out's subscription has no dead-letter topic of its own`);
    assert.match(deadLetter.provisioner['local-exec'][0].command, /--dead-letter-topic="\$DEAD_TOPIC"/);
    assert.ok(resourcesOfType('google_pubsub_subscription').some(([, s]) => s.topic === `\${google_pubsub_topic.${deadTopic}.id}`),
      'nothing keeps the dead letters: the dead-letter topic needs a subscription');
  });

  test('both task queues exist with a retry config', () => {
    const queues = resourcesOfType('google_cloud_tasks_queue');
    for (const constant of ['QUEUE', 'POLL_QUEUE']) {
      const name = javaConstant(settings, constant);
      const q = queues.find(([, r]) => r.name === name);
      assert.ok(q, `no google_cloud_tasks_queue named ${name} (GenerationSettings.${constant})`);
      assert.ok(q[1].retry_config?.[0], `queue ${name} has no retry_config`);
      assert.equal(declared.locals.get('local.queues')[name], `\${google_cloud_tasks_queue.${q[0]}}`);
    }
  });

  test('the task queues retry and pace as GenerationQueues specifies with the catalog\'s defaults', () => {
    const queues = 'shared/core/src/main/java/dev/contentcreator/core/generation/GenerationQueues.java';
    const setting = catalogDefault;
    const constant = (name) => {
      const m = read(queues).match(new RegExp(`static final int ${name} = (-?\\d+);`));
      assert.ok(m, `GenerationQueues declares no ${name}`);
      return Number(m[1]);
    };
    const item = {
      max_attempts: Number(setting('GENERATION_MAX_ATTEMPTS')),
      min_backoff: seconds(setting('GENERATION_MIN_BACKOFF')),
      max_backoff: seconds(setting('GENERATION_MAX_BACKOFF')),
      max_doublings: constant('ITEM_MAX_DOUBLINGS'),
      max_retry_duration: 0,
      max_concurrent_dispatches: Number(setting('GENERATION_CONCURRENCY')),
      max_dispatches_per_second: constant('ITEM_MAX_DISPATCHES_PER_SECOND'),
    };
    const interval = seconds(setting('GENERATION_POLL_INTERVAL'));
    const pollMax = interval * constant('POLL_MAX_BACKOFF_INTERVALS');
    const poll = {
      max_attempts: -1,
      min_backoff: interval,
      max_backoff: pollMax,
      max_doublings: constant('POLL_MAX_DOUBLINGS'),
      max_retry_duration: seconds(setting('GENERATION_ASYNC_DEADLINE')) + pollMax,
      max_concurrent_dispatches: Number(setting('GENERATION_CONCURRENCY')),
      max_dispatches_per_second: constant('POLL_MAX_DISPATCHES_PER_SECOND'),
    };
    for (const [constantName, expected] of [['QUEUE', item], ['POLL_QUEUE', poll]]) {
      const name = javaConstant(settings, constantName);
      const [, q] = resourcesOfType('google_cloud_tasks_queue').find(([, r]) => r.name === name);
      const retry = q.retry_config[0];
      const rates = q.rate_limits[0];
      const actual = {
        max_attempts: retry.max_attempts,
        min_backoff: seconds(retry.min_backoff),
        max_backoff: seconds(retry.max_backoff),
        max_doublings: retry.max_doublings,
        max_retry_duration: retry.max_retry_duration === undefined ? 0 : seconds(retry.max_retry_duration),
        max_concurrent_dispatches: rates.max_concurrent_dispatches,
        max_dispatches_per_second: rates.max_dispatches_per_second,
      };
      assert.deepEqual(actual, expected, `queue ${name} differs from GenerationQueues`);
    }
  });

  test('the functions count an item\'s attempts as the generation queue does', () => {
    const [key] = resourcesOfType('google_cloud_tasks_queue').find(([, r]) => r.name === javaConstant(settings, 'QUEUE'));
    assert.equal(declared.locals.get('local.common_env').GENERATION_MAX_ATTEMPTS,
      `\${tostring(google_cloud_tasks_queue.${key}.retry_config[0].max_attempts)}`);
  });

  test('Cloud Scheduler calls each scheduler route, with OIDC', () => {
    const jobs = resourcesOfType('google_cloud_scheduler_job').map(([, j]) => j);
    const byPath = (p) => jobs.find((j) => j.http_target[0].uri.endsWith(p));
    for (const [path, every] of [['/batches:tick', '* * * * *'], ['/backups:export', null], ['/jobs:sweep', null]]) {
      const job = byPath(path);
      assert.ok(job, `no Cloud Scheduler job calls ${path}`);
      assert.match(job.http_target[0].uri, /google_cloudfunctions2_function\.function\["scheduler"\]\.url/);
      assert.equal(job.http_target[0].oidc_token[0].service_account_email, '${google_service_account.scheduler_invoker.email}');
      if (every) assert.equal(job.schedule, every);
    }
  });

  test('the media bucket keeps old versions 30 days; backups expire after backup_keep_days', () => {
    const media = resource('google_storage_bucket', 'media');
    assert.equal(media.versioning[0].enabled, true);
    assert.ok(media.lifecycle_rule.some((r) => r.condition[0].days_since_noncurrent_time === 30
      && r.action[0].type === 'Delete'), 'no rule deletes noncurrent media after 30 days');
    const backups = resource('google_storage_bucket', 'backups');
    assert.ok(backups.lifecycle_rule.some((r) => r.condition[0].age === '${var.backup_keep_days}'
      && r.action[0].type === 'Delete'), 'no rule deletes backups after var.backup_keep_days');
  });

  test('Firestore, Redis with its network, and the secrets for the provider keys exist', () => {
    resource('google_firestore_database', 'default');
    const redis = resource('google_redis_instance', 'cache');
    assert.equal(redis.authorized_network, '${google_compute_network.private.id}');
    resource('google_vpc_access_connector', 'functions');
    const ids = resourcesOfType('google_secret_manager_secret').map(([, s]) => s.secret_id);
    for (const id of ['openai-api-key', 'goapi-api-key', 'goapi-webhook-secret']) assert.ok(ids.includes(id), `no secret ${id}`);
  });

  test('firebase.json deploys the rules and the media bucket is a storage target', () => {
    assert.equal(firebase.firestore.rules, 'firestore.rules');
    assert.equal(firebase.firestore.indexes, 'firestore.indexes.json');
    assert.ok(firebase.storage.some((s) => s.target === 'media' && s.rules === 'storage.rules'));
    assert.ok(existsSync(join(ROOT, 'firestore.rules')) && existsSync(join(ROOT, 'storage.rules')));
    if (/\bfirestore\.(get|exists)\(/.test(read('storage.rules'))) {
      assert.ok(resourcesOfType('google_project_iam_member').some(([, m]) => m.role === 'roles/firebaserules.firestoreServiceAgent'),
        'storage.rules read Firestore, so Firebase Storage\'s agent needs roles/firebaserules.firestoreServiceAgent');
    }
  });

  test('outputs give the addresses', () => {
    for (const name of ['api_gateway_url', 'function_urls', 'hosting_url']) assert.ok(declared.outputs.has(name), `no output ${name}`);
  });
});

describe('least privilege', () => {
  const bindings = () => [...declared.resources.entries()]
    .filter(([k]) => /^google_\w+_iam_(member|binding)\./.test(k)).map(([k, v]) => [k, v]);
  // Predefined roles that can write documents back from an export (import), or do anything at all.
  const broad = ['roles/owner', 'roles/editor', 'roles/datastore.owner', 'roles/datastore.importExportAdmin',
    'roles/firestore.owner'];

  test('no account is granted a basic role or a role that can import into Firestore', () => {
    for (const [name, b] of bindings()) {
      assert.ok(!broad.includes(b.role), `${name} grants ${b.role}, which is more than any account here needs`);
    }
  });

  test('no custom role holds an import permission', () => {
    for (const [name, r] of resourcesOfType('google_project_iam_custom_role')) {
      const imports = r.permissions.filter((p) => /\.import\w*$/.test(p) || p.endsWith('.*'));
      assert.deepEqual(imports, [], `custom role ${name} may import or holds a wildcard: ${imports.join(', ')}`);
    }
  });

  test('the backup exporter may export and only the functions that export hold it', () => {
    const exporter = resource('google_project_iam_member', 'exporter');
    const role = exporter.role.match(/^\$\{google_project_iam_custom_role\.(\w+)\.name\}$/)?.[1];
    assert.ok(role, `the exporter binding must use a custom role, not ${exporter.role}`);
    assert.ok(resource('google_project_iam_custom_role', role).permissions.includes('datastore.databases.export'));
    assert.equal(exporter.for_each, '${local.exporters}');
    assert.deepEqual(Object.keys(specs).filter((n) => specs[n].exports), ['scheduler'],
      'only the scheduler starts backups');
  });
});
