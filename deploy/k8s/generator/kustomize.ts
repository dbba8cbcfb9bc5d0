// The part of kustomize the overlays use (resources, namespace, images, JSON 6902 patches), so that the build of an
// overlay can be computed and checked without kustomize installed; the spec compares it with `kubectl kustomize`
// where that exists.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { K8sObject } from './manifests.js';

export type PatchOp = { op: 'add' | 'replace' | 'test'; path: string; value: unknown } | { op: 'remove'; path: string };

export interface PatchTarget {
  group?: string;
  version: string;
  kind: string;
  name: string;
}

export interface Kustomization {
  apiVersion: 'kustomize.config.k8s.io/v1beta1';
  kind: 'Kustomization';
  namespace?: string;
  resources: string[];
  images?: { name: string; newName?: string; newTag?: string }[];
  patches?: { path: string; target: PatchTarget }[];
}

const pointer = (parts: string[]) => '/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * JSON 6902 operations that turn `from` into `to`: arrays of another length are replaced whole; a change inside a
 * named element (a container, an env variable) is preceded by a `test` of its name, so the patch says what it
 * changes and fails rather than change another element.
 */
export function diff(from: unknown, to: unknown, at: string[] = []): PatchOp[] {
  if (isObject(from) && isObject(to)) {
    const ops: PatchOp[] = [];
    for (const key of Object.keys(from)) if (!(key in to)) ops.push({ op: 'remove', path: pointer([...at, key]) });
    for (const [key, value] of Object.entries(to)) {
      if (key in from) ops.push(...diff(from[key], value, [...at, key]));
      else ops.push({ op: 'add', path: pointer([...at, key]), value });
    }
    return ops;
  }
  if (Array.isArray(from) && Array.isArray(to) && from.length === to.length) {
    return from.flatMap((item, i) => {
      const ops = diff(item, to[i], [...at, String(i)]);
      const name = isObject(item) && isObject(to[i]) && item.name === to[i].name ? item.name : undefined;
      return ops.length > 0 && typeof name === 'string' && ops[0].path !== pointer([...at, String(i)])
        ? [{ op: 'test' as const, path: pointer([...at, String(i), 'name']), value: name }, ...ops]
        : ops;
    });
  }
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ op: 'replace', path: pointer(at), value: to }];
}

/** Applies JSON 6902 operations (add, replace, remove) to a copy of `doc`. */
export function applyPatch<T>(doc: T, ops: PatchOp[]): T {
  const root = structuredClone(doc) as unknown;
  for (const op of ops) {
    const parts = op.path
      .slice(1)
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (op.op === 'test') {
      const found = parts.reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], root);
      if (JSON.stringify(found) !== JSON.stringify(op.value)) throw new Error(`patch test ${op.path}: ${found}`);
      continue;
    }
    const last = parts.pop()!;
    let node = root as Record<string, unknown> | unknown[];
    for (const part of parts) {
      const next = (node as Record<string, unknown>)[part];
      if (typeof next !== 'object' || next === null) throw new Error(`patch ${op.op} ${op.path}: no such path`);
      node = next as Record<string, unknown>;
    }
    if (Array.isArray(node)) {
      const index = last === '-' ? node.length : Number(last);
      if (op.op === 'remove') node.splice(index, 1);
      else if (op.op === 'add') node.splice(index, 0, op.value);
      else node[index] = op.value;
    } else if (op.op === 'remove' || op.op === 'replace') {
      if (!(last in node)) throw new Error(`patch ${op.op} ${op.path}: no such path`);
      if (op.op === 'remove') delete node[last];
      else node[last] = op.value;
    } else {
      node[last] = op.value;
    }
  }
  return root as T;
}

export function targetOf(o: K8sObject): PatchTarget {
  const [group, version] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : [undefined, o.apiVersion];
  return { ...(group ? { group } : {}), version, kind: o.kind, name: o.metadata.name };
}

const matches = (o: K8sObject, t: PatchTarget) => {
  const own = targetOf(o);
  return own.group === t.group && own.version === t.version && own.kind === t.kind && own.name === t.name;
};

const CLUSTER_SCOPED = new Set(['Namespace']);

function setImages(o: K8sObject, images: NonNullable<Kustomization['images']>): void {
  const spec = (o.spec as { template?: { spec?: Record<string, unknown> } } | undefined)?.template?.spec;
  if (!spec) return;
  for (const list of ['initContainers', 'containers'] as const) {
    for (const c of (spec[list] as { image: string }[] | undefined) ?? []) {
      const [, name, tag] = /^(.*?)(?::([^:/]+))?$/.exec(c.image)!;
      const rule = images.find((i) => i.name === name);
      if (rule) c.image = `${rule.newName ?? name}${(rule.newTag ?? tag) ? `:${rule.newTag ?? tag}` : ''}`;
    }
  }
}

function readYamlObjects(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJS() as unknown)
    .filter((d) => d !== null);
}

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'images', 'patches']);

/** The objects `kustomize build dir` outputs, for the kustomizations the generator writes. */
export function kustomizeBuild(dir: string): K8sObject[] {
  const k = readYamlObjects(join(dir, 'kustomization.yaml'))[0] as Kustomization;
  const unknown = Object.keys(k).filter((f) => !KNOWN_FIELDS.has(f));
  if (unknown.length > 0) throw new Error(`${dir}/kustomization.yaml: fields this build does not know: ${unknown}`);
  let objects: K8sObject[] = [];
  for (const resource of k.resources) {
    const path = join(dir, resource);
    objects.push(...(statSync(path).isDirectory() ? kustomizeBuild(path) : (readYamlObjects(path) as K8sObject[])));
  }
  for (const patch of k.patches ?? []) {
    const ops = readYamlObjects(join(dir, patch.path))[0] as PatchOp[];
    const hits = objects.filter((o) => matches(o, patch.target));
    if (hits.length !== 1) throw new Error(`${dir}: patch ${patch.path} matches ${hits.length} objects`);
    objects = objects.map((o) => (o === hits[0] ? applyPatch(o, ops) : o));
  }
  for (const o of objects) {
    if (k.namespace && !CLUSTER_SCOPED.has(o.kind)) o.metadata.namespace = k.namespace;
    if (k.images) setImages(o, k.images);
  }
  return objects;
}

/** `apiVersion kind name`, the identity of an object in a build. */
export const idOf = (o: K8sObject) => `${o.apiVersion} ${o.kind} ${o.metadata.namespace ?? ''}/${o.metadata.name}`;
