#!/usr/bin/env node
// Extracts third-party test material from pinned npm packages into the project.
//
//   cd src/tools/test-material && npm ci && node extract.mjs
//
// Options (all optional):
//   --node-modules DIR     node_modules directory to read from
//                          (default: $TEST_MATERIAL_NODE_MODULES, else ./node_modules next to this script)
//   --project-root DIR     project to write into (default: three levels above this script)
//   --official-badges DIR  directory with the official badge_static_*.svg files to copy
//                          (default: $OFFICIAL_BADGES_DIR; when unset, the official SVGs are left untouched)
//
// Node 20+, ESM, no dependencies beyond the packages pinned in package.json. Output is deterministic:
// JSON is written with 2-space indentation and a trailing newline, keys in a fixed order.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

// ---------------------------------------------------------------------------------------------
// configuration

const PINNED = {
  '@octokit/webhooks-examples': '7.6.1',
  '@octokit/webhooks-schemas': '7.6.1',
  '@octokit/openapi': '23.0.2',
  '@octokit/graphql-schema': '15.26.1',
  anafanafo: '2.0.0',
  'badge-maker': '6.0.0',
  ajv: '8.20.0',
  'ajv-formats': '3.0.1',
};

// event -> actions to keep (null = every example of the event). Order here is the order of index.json.
const WEBHOOK_EVENTS = [
  ['push', null],
  ['pull_request', ['opened', 'synchronize', 'reopened', 'closed']],
  ['check_suite', ['requested', 'rerequested', 'completed']],
  ['check_run', ['created', 'rerequested', 'requested_action', 'completed']],
  ['installation', null],
  ['installation_repositories', null],
  ['repository', null],
  ['ping', null],
];

// [method, OpenAPI path key] kept in the REST subset.
const OPENAPI_OPERATIONS = [
  ['get', '/repos/{owner}/{repo}'],
  ['get', '/repos/{owner}/{repo}/git/trees/{tree_sha}'],
  ['get', '/repos/{owner}/{repo}/contents/{path}'],
  ['get', '/repos/{owner}/{repo}/git/blobs/{file_sha}'],
  ['post', '/repos/{owner}/{repo}/git/blobs'],
  ['post', '/repos/{owner}/{repo}/git/trees'],
  ['post', '/repos/{owner}/{repo}/git/commits'],
  ['get', '/repos/{owner}/{repo}/git/commits/{commit_sha}'],
  ['get', '/repos/{owner}/{repo}/git/tags/{tag_sha}'],
  ['post', '/repos/{owner}/{repo}/git/refs'],
  ['get', '/repos/{owner}/{repo}/git/ref/{ref}'],
  ['patch', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['delete', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['post', '/repos/{owner}/{repo}/check-runs'],
  ['patch', '/repos/{owner}/{repo}/check-runs/{check_run_id}'],
  ['get', '/repos/{owner}/{repo}/commits/{ref}/check-runs'],
  ['get', '/repos/{owner}/{repo}/pulls'],
  ['post', '/repos/{owner}/{repo}/pulls'],
  ['get', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['patch', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['post', '/repos/{owner}/{repo}/issues/{issue_number}/comments'],
  ['get', '/repos/{owner}/{repo}/community/profile'],
  ['get', '/repos/{owner}/{repo}/rules/branches/{branch}'],
  ['get', '/repos/{owner}/{repo}/rulesets'],
  ['get', '/repos/{owner}/{repo}/branches/{branch}'],
  ['get', '/repos/{owner}/{repo}/branches/{branch}/protection'],
  ['get', '/repos/{owner}/{repo}/private-vulnerability-reporting'],
  ['get', '/repos/{owner}/{repo}/releases'],
  ['get', '/repos/{owner}/{repo}/tags'],
  ['get', '/repos/{owner}/{repo}/license'],
  ['get', '/repos/{owner}/{repo}/readme'],
  ['get', '/repos/{owner}/{repo}/installation'],
  ['post', '/app/installations/{installation_id}/access_tokens'],
  ['get', '/app/installations/{installation_id}'],
  ['get', '/app'],
  ['post', '/app-manifests/{code}/conversions'],
  ['get', '/installation/repositories'],
  ['get', '/repos/{owner}/{repo}/actions/permissions/workflow'],
  ['get', '/rate_limit'],
  ['get', '/repos/{owner}/{repo}/compare/{basehead}'],
];

const BADGE_TEXTS = [
  'openssf best practices',
  'passing',
  'silver',
  'gold',
  'in progress 0%',
  'in progress 9%',
  'in progress 42%',
  'in progress 57%',
  'in progress 99%',
  'not evaluated',
  'unknown',
  'openssf baseline',
  'baseline-1',
  'baseline-2',
  'baseline-3',
  'in progress',
  'ünïcödé ☃',
  'WWWWWWWWWW',
  '',
];

const OFFICIAL_BADGES = ['0', '57', '99', 'passing', 'silver', 'gold'].map((s) => `badge_static_${s}.svg`);
const OFFICIAL_BADGES_COMMIT = '074ec3d3ca1b472a4e39ca7655cea78a9079ea6b';

// The npm tarballs of @octokit/webhooks-examples and @octokit/webhooks-schemas contain no licence file
// (package.json says "MIT"; the README links to the repository's licence). This is the LICENSE file of
// https://github.com/octokit/webhooks at tag v7.6.1 (commit 049c104cd2198f5c04acf4ee806b56d2d8fd1e76).
const OCTOKIT_WEBHOOKS_LICENSE = `The MIT License

Copyright (c) 2018 Gregor Martynus

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
`;

// LICENSE of github.com/ossf/best-practices-badge at commit 074ec3d3ca1b472a4e39ca7655cea78a9079ea6b.
const BEST_PRACTICES_BADGE_MIT_LICENSE = `The MIT License (MIT)

Copyright (c) 2015-2016 The Linux Foundation, the Institute for Defense Analyses, and other project contributors.

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
`;

// ---------------------------------------------------------------------------------------------
// arguments and helpers

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const opts = {
    nodeModules: process.env.TEST_MATERIAL_NODE_MODULES || path.join(SCRIPT_DIR, 'node_modules'),
    projectRoot: path.resolve(SCRIPT_DIR, '..', '..', '..'),
    officialBadges: process.env.OFFICIAL_BADGES_DIR || null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--node-modules') opts.nodeModules = value();
    else if (a === '--project-root') opts.projectRoot = value();
    else if (a === '--official-badges') opts.officialBadges = value();
    else throw new Error(`unknown argument ${a}`);
  }
  opts.nodeModules = path.resolve(opts.nodeModules);
  opts.projectRoot = path.resolve(opts.projectRoot);
  if (opts.officialBadges) opts.officialBadges = path.resolve(opts.officialBadges);
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const NM = opts.nodeModules;
const ROOT = opts.projectRoot;
// load packages by their directory under NM, so nothing is picked up from elsewhere
const requireFromNm = (name) => createRequire(import.meta.url)(pkgDir(name));

const written = [];

function pkgDir(name) {
  return path.join(NM, ...name.split('/'));
}

function readText(file) {
  return fs.readFileSync(file, 'utf8');
}

function readJson(file) {
  return JSON.parse(readText(file));
}

function out(rel) {
  return path.join(ROOT, ...rel.split('/'));
}

function writeFile(rel, content) {
  const file = out(rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  written.push(rel);
}

function jsonText(value) {
  return JSON.stringify(value, null, 2) + '\n';
}

function writeJson(rel, value) {
  writeFile(rel, jsonText(value));
}

function copyFile(srcFile, rel) {
  writeFile(rel, fs.readFileSync(srcFile));
}

function checkVersions() {
  for (const [name, version] of Object.entries(PINNED)) {
    const pj = path.join(pkgDir(name), 'package.json');
    if (!fs.existsSync(pj)) {
      throw new Error(`${name} not found under ${NM}; run "npm ci" (see README.md) or pass --node-modules`);
    }
    const actual = readJson(pj).version;
    if (actual !== version) throw new Error(`${name}: expected version ${version}, found ${actual} in ${NM}`);
  }
}

function kebab(s) {
  return String(s).replace(/[_\s]+/g, '-').toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// B. webhook examples

const INSTALLATION_EVENTS = new Set(['installation', 'installation_repositories']);

// The fixed facts that make up a scenario name.
function scenarioFacts(event, p) {
  let base;
  if (event === 'push') {
    const kind = p.ref.startsWith('refs/tags/') ? 'tag' : p.ref.startsWith('refs/heads/') ? 'branch' : 'ref';
    const what = p.created ? 'created' : p.deleted ? 'deleted' : p.forced ? 'force-pushed' : 'pushed';
    base = [kind, what];
  } else if (event === 'ping') {
    base = [`${kebab(p.hook.type)}-hook`];
  } else if (event === 'pull_request' && p.action === 'closed') {
    base = ['closed', p.pull_request.merged ? 'merged' : 'not-merged'];
  } else if ((event === 'check_suite' || event === 'check_run') && p.action === 'completed') {
    base = ['completed', kebab(p[event].conclusion ?? 'no-conclusion')];
  } else if (event === 'repository' && p.action === 'edited' && p.changes) {
    base = ['edited', ...Object.keys(p.changes).map(kebab)];
  } else {
    base = [kebab(p.action)];
  }
  const withs = [];
  if (p.installation && !INSTALLATION_EVENTS.has(event)) withs.push('installation');
  if (p.organization && event !== 'ping') withs.push('organization');
  if (p.requester) withs.push('requester');
  if (withs.length) base.push('with', withs.join('-and-'));
  // README-era examples: a repository object without `visibility` or an installation object without
  // `suspended_at`. These are the examples that fail the schema because of missing newer fields.
  const legacy =
    (p.repository && !('visibility' in p.repository)) ||
    (INSTALLATION_EVENTS.has(event) && p.installation && !('suspended_at' in p.installation));
  if (legacy) base.push('legacy');
  return base.join('-');
}

// Extra facts, used only to tell apart examples whose fixed facts are equal.
const TIE_BREAKERS = [
  ['repo-org-field', (p) => Boolean(p.repository && 'organization' in p.repository)],
  ['committer-without-username', (p) => Boolean(p.head_commit?.committer && !('username' in p.head_commit.committer))],
  ['null-body', (p) => p.pull_request?.body === null],
  ['github-actions-app', (p) => (p.check_suite ?? p.check_run)?.app?.slug === 'github-actions'],
  ['bot-head-commit', (p) => Boolean(p.check_suite?.head_commit?.author?.name?.endsWith('[bot]'))],
  ['with-app-id', (p) => Boolean(p.hook && 'app_id' in p.hook)],
];

function nameScenarios(event, items) {
  // items: [{sourceIndex, payload}] -> adds item.scenario
  for (const it of items) it.scenario = scenarioFacts(event, it.payload);
  const groups = new Map();
  for (const it of items) groups.set(it.scenario, [...(groups.get(it.scenario) ?? []), it]);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const extra = new Map(group.map((it) => [it, []]));
    for (const [label, test] of TIE_BREAKERS) {
      const values = group.map((it) => test(it.payload));
      if (values.some(Boolean) && !values.every(Boolean)) {
        group.forEach((it, i) => values[i] && extra.get(it).push(label));
      }
    }
    for (const it of group) if (extra.get(it).length) it.scenario += '-' + extra.get(it).join('-');
  }
  // whatever still collides gets -2, -3 … in source order
  const seen = new Map();
  for (const it of items) {
    const n = (seen.get(it.scenario) ?? 0) + 1;
    seen.set(it.scenario, n);
    it.file = n === 1 ? it.scenario : `${it.scenario}-${n}`;
  }
  const all = new Set(items.map((it) => it.file));
  if (all.size !== items.length) throw new Error(`duplicate scenario names for ${event}`);
}

function extractWebhooks() {
  const examplesDir = pkgDir('@octokit/webhooks-examples');
  const schemaFile = path.join(pkgDir('@octokit/webhooks-schemas'), 'schema.json');
  const index = readJson(path.join(examplesDir, 'api.github.com', 'index.json'));
  const schema = readJson(schemaFile);

  const Ajv = requireFromNm('ajv');
  const addFormats = requireFromNm('ajv-formats');
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);

  const base = 'src/test/resources/webhooks';
  const entries = [];
  const validity = {};
  for (const [event, actions] of WEBHOOK_EVENTS) {
    const ev = index.find((e) => e.name === event);
    if (!ev) throw new Error(`event ${event} missing from @octokit/webhooks-examples`);
    const defName = schema.definitions[`${event}_event`] ? `${event}_event` : `${event}$event`;
    if (!schema.definitions[defName]) throw new Error(`no schema definition for ${event}`);
    const validate = ajv.compile({ $schema: schema.$schema, $ref: `#/definitions/${defName}`, definitions: schema.definitions });

    const items = ev.examples
      .map((payload, sourceIndex) => ({ payload, sourceIndex }))
      .filter((it) => actions === null || actions.includes(it.payload.action));
    if (actions) {
      for (const a of actions) if (!items.some((it) => it.payload.action === a)) throw new Error(`${event}.${a}: no example`);
    }
    nameScenarios(event, items);

    // this tool owns the per-event directories: drop stale scenario files first
    const dir = out(`${base}/${event}`);
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (f.endsWith('.json')) fs.rmSync(path.join(dir, f));

    validity[event] = { valid: 0, invalid: [] };
    for (const it of items) {
      const valid = validate(it.payload) === true;
      if (valid) validity[event].valid++;
      else validity[event].invalid.push(it.sourceIndex);
      const file = `${event}/${it.file}.json`;
      writeJson(`${base}/${file}`, it.payload);
      entries.push({
        file,
        event,
        action: it.payload.action ?? null,
        sourceIndex: it.sourceIndex,
        validAgainstSchema: valid,
      });
    }
  }
  writeJson(`${base}/index.json`, entries);
  copyFile(schemaFile, `${base}/schema.json`);
  writeFile(`${base}/NOTICE.md`, webhooksNotice());
  return { entries, validity, schemaDefinitions: Object.keys(schema.definitions).length };
}

function webhooksNotice() {
  return `# Third-party material: GitHub webhook example payloads and schema

| file(s) | source | version | licence |
|---|---|---|---|
| \`<event>/<scenario>.json\` | npm \`@octokit/webhooks-examples\`, file \`api.github.com/index.json\` | ${PINNED['@octokit/webhooks-examples']} | MIT |
| \`schema.json\` | npm \`@octokit/webhooks-schemas\`, file \`schema.json\` (JSON Schema draft-07), copied byte for byte | ${PINNED['@octokit/webhooks-schemas']} | MIT |

Both packages are published from https://github.com/octokit/webhooks (tag \`v7.6.1\`,
commit \`049c104cd2198f5c04acf4ee806b56d2d8fd1e76\`).

Each \`<event>/<scenario>.json\` is one element of that event's \`examples\` array, unchanged (same keys in
the same order, same values) and pretty-printed with 2 spaces. \`index.json\` is generated by
\`src/tools/test-material/extract.mjs\`: for each file, its event, action, position in the event's
\`examples\` array (\`sourceIndex\`) and whether it validates against \`schema.json\` (ajv 8, draft-07, with
formats) when wrapped as \`{"$ref": "#/definitions/<event>_event"}\` (or \`<event>$event\` for events
without actions, such as \`push\` and \`ping\`).

The npm tarballs do not contain a licence file; their \`package.json\` declares \`"license": "MIT"\` and their
README links to the repository's licence, which is reproduced below (LICENSE of octokit/webhooks at tag v7.6.1).

---

${OCTOKIT_WEBHOOKS_LICENSE}`;
}

// ---------------------------------------------------------------------------------------------
// C. GitHub REST OpenAPI subset

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function stripDiscriminators(value, where, removed) {
  if (Array.isArray(value)) return value.map((v, i) => stripDiscriminators(v, `${where}/${i}`, removed));
  if (value && typeof value === 'object') {
    const res = {};
    for (const [k, v] of Object.entries(value)) {
      const here = `${where}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (k === 'discriminator') {
        removed.push(here);
        continue;
      }
      res[k] = stripDiscriminators(v, here, removed);
    }
    return res;
  }
  return value;
}

function collectRefs(value, acc) {
  if (Array.isArray(value)) value.forEach((v) => collectRefs(v, acc));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') acc.push(v);
      else collectRefs(v, acc);
    }
  }
  return acc;
}

function parseComponentRef(ref) {
  const m = /^#\/components\/([^/]+)\/([^/]+)$/.exec(ref);
  if (!m) throw new Error(`unsupported $ref ${ref}`);
  const unescape = (s) => s.replace(/~1/g, '/').replace(/~0/g, '~');
  return [unescape(m[1]), unescape(m[2])];
}

function extractOpenApi() {
  const pkg = pkgDir('@octokit/openapi');
  const spec = readJson(path.join(pkg, 'generated', 'api.github.com.json'));
  const removed = [];
  const missing = [];
  const wanted = new Map();
  for (const [method, p] of OPENAPI_OPERATIONS) {
    if (!spec.paths[p] || !spec.paths[p][method]) missing.push(`${method.toUpperCase()} ${p}`);
    else wanted.set(p, [...(wanted.get(p) ?? []), method]);
  }

  const paths = {};
  for (const [p, item] of Object.entries(spec.paths)) {
    if (!wanted.has(p)) continue;
    const methods = wanted.get(p);
    const kept = {};
    for (const [k, v] of Object.entries(item)) {
      if (HTTP_METHODS.includes(k) && !methods.includes(k)) continue;
      kept[k] = stripDiscriminators(v, `#/paths/${p.replace(/~/g, '~0').replace(/\//g, '~1')}/${k}`, removed);
    }
    paths[p] = kept;
  }

  // walk $refs transitively
  const needed = new Map(); // section -> Set(name)
  const queue = collectRefs(paths, []);
  const seenRefs = new Set();
  const copies = new Map(); // `${section}/${name}` -> stripped value
  while (queue.length) {
    const ref = queue.shift();
    if (seenRefs.has(ref)) continue;
    seenRefs.add(ref);
    const [section, name] = parseComponentRef(ref);
    const src = spec.components?.[section]?.[name];
    if (src === undefined) throw new Error(`dangling $ref ${ref}`);
    if (!needed.has(section)) needed.set(section, new Set());
    needed.get(section).add(name);
    const stripped = stripDiscriminators(src, `#/components/${section}/${name}`, removed);
    copies.set(`${section}/${name}`, stripped);
    queue.push(...collectRefs(stripped, []));
  }

  // components in the source's section order and, within a section, the source's key order
  const components = {};
  for (const [section, entries] of Object.entries(spec.components)) {
    if (!needed.has(section)) continue;
    components[section] = {};
    for (const name of Object.keys(entries)) {
      if (needed.get(section).has(name)) components[section][name] = copies.get(`${section}/${name}`);
    }
  }

  const subset = { openapi: spec.openapi, info: spec.info, servers: spec.servers, paths, components };
  if (collectRefs(subset, []).some((r) => !seenRefs.has(r))) throw new Error('unresolved $ref in subset');
  if (JSON.stringify(subset).includes('"discriminator"')) throw new Error('discriminator left in subset');

  const base = 'src/test/resources/github-openapi';
  writeJson(`${base}/api.github.com.subset.json`, subset);
  const license = readText(path.join(pkg, 'LICENSE'));
  const kept = OPENAPI_OPERATIONS.filter(([m, p]) => spec.paths[p]?.[m]);
  writeFile(`${base}/NOTICE.md`, openApiNotice(license, kept, missing, removed));

  let operations = 0;
  for (const item of Object.values(paths)) operations += Object.keys(item).filter((k) => HTTP_METHODS.includes(k)).length;
  const counts = { paths: Object.keys(paths).length, operations };
  for (const [section, entries] of Object.entries(components)) counts[section] = Object.keys(entries).length;
  return { counts, missing, removed };
}

function openApiNotice(license, kept, missing, removed) {
  const ops = kept.map(([m, p]) => `- \`${m.toUpperCase()} ${p}\``).join('\n');
  const miss = missing.length ? missing.map((o) => `- \`${o}\``).join('\n') : '- none';
  return `# Third-party material: GitHub REST API OpenAPI description (subset)

\`api.github.com.subset.json\` is a subset of \`generated/api.github.com.json\` from the npm package
\`@octokit/openapi\`, version ${PINNED['@octokit/openapi']} (https://github.com/octokit/openapi), licence MIT.
That file is GitHub's REST API description (https://github.com/github/rest-api-description, also
MIT-licensed according to its README) with Octokit's \`x-octokit\` extension.

Subset extracted by src/tools/test-material/extract.mjs; discriminator keys removed.

How the subset is made: \`openapi\`, \`info\` (including \`info.license\`) and \`servers\` are kept as they are;
\`paths\` keeps only the operations listed below; every \`$ref\` is then followed transitively and the
referenced \`components\` entries (schemas, examples, responses, parameters, headers, …) are copied
unchanged, except that every \`discriminator\` key is removed (some Java OpenAPI validators reject them;
${removed.length} removed: ${removed.map((r) => `\`${r}\``).join(', ') || 'none'}).

Operations kept:

${ops}

Requested operations not present in the source:

${miss}

---

Licence of \`@octokit/openapi\` (its LICENSE file):

${license.endsWith('\n') ? license : license + '\n'}`;
}

// ---------------------------------------------------------------------------------------------
// D. badge font metrics and expected widths

async function extractBadges() {
  const anaDir = pkgDir('anafanafo');
  const table = path.join(anaDir, 'data', 'verdana-11px-normal.json');
  copyFile(table, 'src/main/resources/badge/verdana-11px-normal.json');
  const license = readText(path.join(anaDir, 'LICENSE'));
  writeFile('src/main/resources/badge/NOTICE.md', badgeNotice(license));

  const anafanafo = requireFromNm('anafanafo');
  const widths = {};
  for (const text of BADGE_TEXTS) widths[text] = anafanafo(text, { font: '11px Verdana' });
  writeJson('src/test/resources/badges/expected-widths.json', widths);

  // cross-check: badge-maker renders the same geometry as the official SVGs
  const { makeBadge } = await import(pathToFileURL(path.join(pkgDir('badge-maker'), 'lib', 'index.js')).href);
  const checks = [];
  const official = [
    ['passing', '#4c1', 'badge_static_passing.svg'],
    ['silver', '#c0c0c0', 'badge_static_silver.svg'],
    ['gold', '#ffd700', 'badge_static_gold.svg'],
  ];
  for (const [message, color, file] of official) {
    const svg = makeBadge({ label: 'openssf best practices', message, color });
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)[1]);
    checks.push({ message, badgeMakerWidth: width, file });
  }

  if (opts.officialBadges) {
    for (const f of OFFICIAL_BADGES) copyFile(path.join(opts.officialBadges, f), `src/test/resources/badges/official/${f}`);
    writeFile('src/test/resources/badges/official/NOTICE.md', officialBadgesNotice());
  }
  const offDir = out('src/test/resources/badges/official');
  for (const c of checks) {
    const f = path.join(offDir, c.file);
    c.officialWidth = fs.existsSync(f) ? Number(/<svg[^>]* width="(\d+)"/.exec(readText(f))[1]) : null;
  }
  return { widths, checks };
}

function badgeNotice(license) {
  return `# Third-party material: Verdana 11px character widths

\`verdana-11px-normal.json\` is \`data/verdana-11px-normal.json\` from the npm package \`anafanafo\`, version
${PINNED.anafanafo} (https://github.com/metabolize/anafanafo), copied byte for byte by
src/tools/test-material/extract.mjs. It is a sorted JSON array of \`[firstCodePoint, lastCodePoint, width]\`
ranges giving the advance width, in pixels, of each character in 11px Verdana; shields.io's badge-maker
uses it to size badge text (a character missing from the table is counted as wide as "m").

Licence of \`anafanafo\` (its LICENSE file):

---

${license.endsWith('\n') ? license : license + '\n'}`;
}

function officialBadgesNotice() {
  return `# Third-party material: official OpenSSF Best Practices badge SVGs

${OFFICIAL_BADGES.map((f) => `- \`${f}\``).join('\n')}

These are the static badge images served by the OpenSSF Best Practices badge site (bestpractices.dev),
copied unchanged from \`app/assets/images/\` of https://github.com/ossf/best-practices-badge (formerly
coreinfrastructure/best-practices-badge) at commit ${OFFICIAL_BADGES_COMMIT}.

Copyright the OpenSSF Best Practices badge contributors.
Licence: \`(MIT OR CC-BY-3.0+)\` (SPDX expression from the project's README). The MIT licence text
(the project's LICENSE file at that commit) follows.

---

${BEST_PRACTICES_BADGE_MIT_LICENSE}`;
}

// ---------------------------------------------------------------------------------------------
// GitHub's GraphQL schema: the fake GitHub validates and executes every query against it

function extractGraphQlSchema() {
  const dir = pkgDir('@octokit/graphql-schema');
  copyFile(path.join(dir, 'schema.graphql'), 'src/test/resources/github-graphql/schema.graphql');
  const license = readText(path.join(dir, 'LICENSE.md'));
  writeFile('src/test/resources/github-graphql/NOTICE.md', `# Third-party material: GitHub GraphQL API schema

\`schema.graphql\` is \`schema.graphql\` from the npm package \`@octokit/graphql-schema\`, version
${PINNED['@octokit/graphql-schema']} (https://github.com/octokit/graphql-schema), copied byte for byte by
src/tools/test-material/extract.mjs. It is GitHub's public GraphQL schema (api.github.com), as Octokit
publishes it from GitHub's own schema. The fake GitHub of the tests parses it with graphql-java, rejects every
query that does not validate against it the way GitHub does, and answers through it, so that a response can only
hold the fields, types and nullability that GitHub's schema has.

Known defect of this version, worked around in memory by the fake (\`GraphQlSchema.dropRepeatedFields\`), never in
the file: the type \`EnterpriseOwnerInfo\` declares \`repositoryDeployKeySetting\` and
\`repositoryDeployKeySettingOrganizations\` twice, identically. graphql-js accepts that; graphql-java refuses to
build a schema with repeated field names, so the first declaration is kept.

Licence of \`@octokit/graphql-schema\` (its LICENSE.md file):

---

${license.endsWith('\n') ? license : license + '\n'}`);
}

// ---------------------------------------------------------------------------------------------
// main

checkVersions();
const webhooks = extractWebhooks();
const openapi = extractOpenApi();
const badges = await extractBadges();
extractGraphQlSchema();

console.log(`node_modules: ${NM}`);
console.log(`project root: ${ROOT}`);
console.log('\nFiles written:');
for (const rel of [...new Set(written)].sort()) {
  console.log(`  ${String(fs.statSync(out(rel)).size).padStart(9)}  ${rel}`);
}
console.log('\nWebhook scenarios:');
for (const e of webhooks.entries) {
  console.log(`  ${e.file.padEnd(72)} #${e.sourceIndex} ${e.validAgainstSchema ? 'valid' : 'INVALID'}`);
}
console.log('\nSchema validity (valid/total, invalid source indexes):');
for (const [event, v] of Object.entries(webhooks.validity)) {
  console.log(`  ${event.padEnd(26)} ${v.valid}/${v.valid + v.invalid.length}  invalid: [${v.invalid.join(', ')}]`);
}
console.log('\nOpenAPI subset:', JSON.stringify(openapi.counts));
console.log('  discriminator keys removed:', openapi.removed.length, openapi.removed.join(' '));
console.log('  missing operations:', openapi.missing.length ? openapi.missing.join('; ') : 'none');
console.log('\nBadge widths (11px Verdana):');
for (const [t, w] of Object.entries(badges.widths)) console.log(`  ${JSON.stringify(t).padEnd(26)} ${w}`);
console.log('\nbadge-maker vs official SVG width:');
for (const c of badges.checks) {
  console.log(`  ${c.message.padEnd(8)} badge-maker ${c.badgeMakerWidth}  official ${c.officialWidth ?? 'n/a'}`);
}
