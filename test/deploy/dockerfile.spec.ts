// The Dockerfile's shape, without a Docker engine: the image every manifest and compose service runs.
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Stage {
  name: string;
  from: string;
  instructions: { op: string; args: string }[];
}

/** Stages of a Dockerfile, with line continuations joined and comments left out. */
function stages(text: string): Stage[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const out: Stage[] = [];
  for (const line of lines) {
    const [, op, args] = /^(\S+)\s*(.*)$/.exec(line)!;
    if (op.toUpperCase() === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args)!;
      out.push({ name: name ?? String(out.length), from, instructions: [] });
    } else if (out.length > 0) {
      out.at(-1)!.instructions.push({ op: op.toUpperCase(), args });
    }
  }
  return out;
}

const all = stages(readFileSync(`${ROOT}Dockerfile`, 'utf8'));
const runtime = all.at(-1)!;
const runs = (s: Stage) => s.instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
const stageNamed = (name: string) => all.find((s) => s.name === name);
/** The stages a stage is built on or copies from, itself included. */
function lineage(s: Stage): Stage[] {
  const parents = [s.from, ...s.instructions.flatMap((i) => /--from=(\S+)/.exec(i.args)?.[1] ?? [])];
  return [s, ...parents.flatMap((p) => (stageNamed(p) ? lineage(stageNamed(p)!) : []))];
}

describe('Dockerfile', () => {
  it('builds in stages and runs the result in a stage of its own', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.some((s) => runs(s).some((r) => r.includes('npm run build')))).toBe(true);
    expect(runs(runtime).join('\n')).not.toMatch(/npm (ci|install)|npm run build/);
  });

  it('takes node_modules from a stage that installed production dependencies only', () => {
    const copies = runtime.instructions.filter((i) => i.op === 'COPY' && /\bnode_modules\b/.test(i.args));
    expect(copies).toHaveLength(1);
    const source = stageNamed(/--from=(\S+)/.exec(copies[0].args)![1])!;
    const installs = lineage(source)
      .flatMap(runs)
      .filter((r) => /npm (ci|install)/.test(r));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install).toMatch(/npm ci --omit=dev/);
  });

  it('installs with the repository .npmrc wherever it runs npm ci', () => {
    const npmrc = readFileSync(`${ROOT}.npmrc`, 'utf8');
    expect(npmrc).toMatch(/onnxruntime-node-install=skip/);
    for (const s of all.filter((s) => runs(s).some((r) => r.includes('npm ci')))) {
      const copied = lineage(s).flatMap((l) => l.instructions.filter((i) => i.op === 'COPY').map((i) => i.args));
      expect({ stage: s.name, npmrc: copied.some((c) => /(^|\s)\.npmrc(\s|$)/.test(c)) }).toEqual({
        stage: s.name,
        npmrc: true,
      });
    }
  });

  it('runs as a user other than root, with a health check of /health/live', () => {
    const users = runtime.instructions.filter((i) => i.op === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const healthchecks = runtime.instructions.filter((i) => i.op === 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0].args).toMatch(/\bCMD\b.*\/health\/live/);
  });

  it('contains the scripts the Kubernetes manifests run', () => {
    expect(runtime.instructions.some((i) => i.op === 'COPY' && /\/app\/scripts\s/.test(i.args))).toBe(true);
    const job = parseAllDocuments(readFileSync(`${ROOT}deploy/k8s/base/migrate.yaml`, 'utf8'))[0].toJS();
    const worker = parseAllDocuments(readFileSync(`${ROOT}deploy/k8s/base/fitment-api.yaml`, 'utf8'))[0].toJS();
    const scripts = [job.spec.template.spec.containers[0].args[0], worker.spec.template.spec.initContainers[0].args[0]];
    expect(scripts).toEqual(['scripts/migrate.js', 'scripts/wait-for-migrations.js']);
    for (const s of scripts) expect(existsSync(`${ROOT}${s}`)).toBe(true);
  });
});
