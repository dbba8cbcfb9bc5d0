// deploy/k8s is generated (npm run k8s): these checks fail when it is stale, when an overlay's build is not what its
// settings say, when an object is invalid for its Kubernetes API schema, or when the deployment leaves a queue
// without its worker. No cluster needed; `kubectl kustomize` is compared too where kubectl is installed.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { bullKeyPrefix, SERVICE_NAMES, SERVICE_QUEUES, serviceQueueName } from '@torque/contracts';
import Bull from 'bull';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { parseAllDocuments } from 'yaml';
import { idOf, kustomizeBuild } from '../../deploy/k8s/generator/kustomize.js';
import type { K8sObject } from '../../deploy/k8s/generator/manifests.js';
import { expectedOverlayObjects, K8S_DIR, renderFiles } from '../../deploy/k8s/generator/render.js';
import { OVERLAYS } from '../../deploy/k8s/generator/settings.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = join(ROOT, K8S_DIR);

/** The model class of each kind the manifests may hold: its validate() checks the object against the API schema. */
const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1 ConfigMap': ConfigMap,
  'v1 Secret': Secret,
  'v1 Service': Service,
  'v1 ServiceAccount': ServiceAccount,
  'v1 Namespace': Namespace,
  'apps/v1 Deployment': Deployment,
  'batch/v1 Job': Job,
  'autoscaling/v2 HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1 PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1 NetworkPolicy': NetworkPolicy,
  'keda.sh/v1alpha1 ScaledObject': ScaledObject,
  'keda.sh/v1alpha1 TriggerAuthentication': TriggerAuthentication,
};

function schemaErrors(objects: K8sObject[]): string[] {
  return objects.flatMap((o) => {
    const Model = MODELS[`${o.apiVersion} ${o.kind}`];
    if (!Model) return [`${idOf(o)}: no schema for this kind`];
    try {
      new Model(structuredClone(o)).validate();
      return [];
    } catch (err) {
      return [`${idOf(o)}: ${(err as Error).message}`];
    }
  });
}

const byId = (objects: K8sObject[]) => Object.fromEntries(objects.map((o) => [idOf(o), o]));
const readObjects = (text: string) => parseAllDocuments(text).map((d) => d.toJS() as K8sObject);

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
const hasKubectl = !kubectl.error && kubectl.status === 0;

function filesOnDisk(): string[] {
  return ['base', 'overlays'].flatMap((sub) =>
    readdirSync(join(DIR, sub), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(DIR, join(e.parentPath, e.name))),
  );
}

describe('deploy/k8s', () => {
  it('is what the generator writes from the job registry (else run `npm run k8s`)', async () => {
    const files = await renderFiles(SERVICE_QUEUES, ROOT);
    const stale = [...files].filter(([path, text]) => {
      try {
        return readFileSync(join(DIR, path), 'utf8') !== text;
      } catch {
        return true;
      }
    });
    expect({ stale: stale.map(([path]) => path) }).toEqual({ stale: [] });
    expect(filesOnDisk().filter((p) => !files.has(p))).toEqual([]);
  });

  describe.each(Object.keys(OVERLAYS))('overlay %s', (name) => {
    const overlay = OVERLAYS[name];
    let build: K8sObject[] = [];
    let buildError: unknown = null;
    try {
      build = kustomizeBuild(join(DIR, 'overlays', name));
    } catch (err) {
      buildError = err;
    }
    const of = <T = any>(kind: string) => build.filter((o) => o.kind === kind) as unknown as T[];
    const deployments = of('Deployment');
    const config: Record<string, string> = of('ConfigMap')[0]?.data ?? {};
    const secret = (): { stringData: Record<string, string> } =>
      overlay.applySecret
        ? of('Secret')[0]
        : (readObjects(readFileSync(join(DIR, 'overlays', name, 'secret.template.yaml'), 'utf8'))[0] as never);
    const pods = [...deployments, ...of('Job')].map((w) => ({ name: w.metadata.name, spec: w.spec.template.spec }));
    const envOf = (c: any): Record<string, string> => ({
      ...config,
      ...Object.fromEntries((c.env ?? []).filter((e: any) => 'value' in e).map((e: any) => [e.name, e.value])),
    });

    it('builds the objects its settings describe, each valid for its API schema', () => {
      expect(buildError).toBeNull();
      expect(byId(build)).toEqual(byId(expectedOverlayObjects(name, SERVICE_QUEUES)));
      expect(schemaErrors(build)).toEqual([]);
      if (!overlay.applySecret) {
        const template = readObjects(readFileSync(join(DIR, 'overlays', name, 'secret.template.yaml'), 'utf8'));
        expect(schemaErrors(template)).toEqual([]);
      }
    });

    (hasKubectl ? it : it.skip)('builds the same with kubectl kustomize', () => {
      const out = spawnSync('kubectl', ['kustomize', join(DIR, 'overlays', name)], { encoding: 'utf8' });
      expect({ status: out.status, stderr: out.stderr }).toEqual({ status: 0, stderr: '' });
      expect(byId(readObjects(out.stdout))).toEqual(byId(build));
    });

    it('puts every object in the namespace it creates, with one image', () => {
      expect(of('Namespace').map((n) => n.metadata.name)).toEqual([overlay.namespace]);
      for (const o of build.filter((o) => o.kind !== 'Namespace')) expect(o.metadata.namespace).toBe(overlay.namespace);
      const images = new Set(
        pods.flatMap((p) => [...(p.spec.initContainers ?? []), ...p.spec.containers]).map((c) => c.image),
      );
      expect([...images]).toEqual([`${overlay.image.name}:${overlay.image.tag}`]);
    });

    describe.each(SERVICE_NAMES)('%s service', (service) => {
      const mine = deployments.filter(
        (d) => d.spec.template.spec.containers[0].args[0] === `dist/apps/${service}-service/src/main.js`,
      );
      const roleOf = (d: any) => envOf(d.spec.template.spec.containers[0]).ROLE;

      it('has one api Deployment and one worker Deployment per queue of the registry', () => {
        expect(mine.filter((d) => roleOf(d) === 'api').map((d) => d.metadata.name)).toEqual([`${service}-api`]);
        const workers = mine.filter((d) => roleOf(d) === 'worker');
        expect(workers.map((d) => envOf(d.spec.template.spec.containers[0]).WORKER_QUEUES).sort()).toEqual(
          [...SERVICE_QUEUES[service]].sort(),
        );
        for (const w of workers) {
          expect(w.metadata.name).toBe(`${service}-worker-${envOf(w.spec.template.spec.containers[0]).WORKER_QUEUES}`);
        }
        expect(mine).toHaveLength(SERVICE_QUEUES[service].length + 1);
      });

      it('scales each worker with KEDA on its Bull wait list, and keeps replicas for running jobs', () => {
        for (const queue of SERVICE_QUEUES[service]) {
          const name = `${service}-worker-${queue}`;
          const scalers = of('ScaledObject').filter((s) => s.spec.scaleTargetRef.name === name);
          expect(scalers).toHaveLength(1);
          const [so] = scalers;
          expect(so.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
          expect(so.spec.maxReplicaCount).toBeGreaterThanOrEqual(so.spec.minReplicaCount);
          // Bull's own key naming, with the prefix the platform module gives Bull.
          const bullKey = (list: string) =>
            Bull.prototype.toKey.call(
              { keyPrefix: bullKeyPrefix(config.NAMESPACE), name: serviceQueueName(service, queue) },
              list,
            );
          expect(so.spec.triggers.map((t: any) => [t.type, t.metadata.listName])).toEqual([
            ['redis', bullKey('wait')],
            ['redis', bullKey('active')],
          ]);
          const worker = deployments.find((d) => d.metadata.name === name)!;
          const env = envOf(worker.spec.template.spec.containers[0]);
          expect(so.spec.triggers[1].metadata.listLength).toBe(env.WORKER_CONCURRENCY ?? '2');
          for (const t of so.spec.triggers) {
            // KEDA reads the address from the worker's own environment: the Redis the worker uses.
            expect(t.metadata.addressFromEnv).toBe('REDIS_ADDRESS');
            expect(env.REDIS_URL).toContain('$(REDIS_ADDRESS)');
            expect(t.authenticationRef.name).toBe(of('TriggerAuthentication')[0].metadata.name);
          }
        }
      });

      it('starts its pods only once the migrations of its schema are applied', () => {
        for (const d of mine) {
          const init = d.spec.template.spec.initContainers ?? [];
          expect(init.map((c: any) => c.args)).toEqual([['scripts/wait-for-migrations.js', service]]);
          expect(envOf(init[0]).DATABASE_URL).toMatch(new RegExp(`^postgres://torque_${service}:`));
        }
      });
    });

    it('starts only entry points and scripts that exist', () => {
      for (const { spec } of pods) {
        for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
          const entry: string = c.args[0];
          const source = entry.startsWith('dist/') ? entry.replace(/^dist\//, '').replace(/\.js$/, '.ts') : entry;
          expect({ entry, exists: existsSync(join(ROOT, source)) }).toEqual({ entry, exists: true });
        }
      }
    });

    it('migrates with a Job that runs scripts/migrate.js', () => {
      const [job] = of('Job');
      expect(job.metadata.name).toBe('migrate');
      expect(job.spec.template.spec.containers[0].args).toEqual(['scripts/migrate.js']);
      expect(job.spec.template.spec.restartPolicy).toBe('Never');
    });

    it('gives every pod longer than SHUTDOWN_GRACE_MS to stop, probes on its server, limits and no root', () => {
      for (const { name: pod, spec } of pods) {
        const main = spec.containers[0];
        const env = envOf(main);
        expect({ pod, grace: spec.terminationGracePeriodSeconds * 1000 > Number(env.SHUTDOWN_GRACE_MS) }).toEqual({
          pod,
          grace: true,
        });
        expect(spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
        expect(spec.securityContext.runAsUser).toBeGreaterThan(0);
        expect(spec.automountServiceAccountToken).toBe(false);
        for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
          expect({ pod, c: c.name, sc: c.securityContext }).toMatchObject({
            pod,
            sc: { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          });
          expect(c.resources.requests).toEqual(
            expect.objectContaining({ cpu: expect.any(String), memory: expect.any(String) }),
          );
          expect(c.resources.limits.memory).toEqual(expect.any(String));
          const mounts = (c.volumeMounts ?? []).map((m: any) => m.mountPath);
          expect(mounts).toEqual(expect.arrayContaining(['/tmp']));
          for (const m of c.volumeMounts)
            expect(spec.volumes.find((v: any) => v.name === m.name).emptyDir).toBeDefined();
        }
        if (pod === 'migrate') continue;
        const port = pod === 'gateway' ? env.PORT : env.HTTP_PORT;
        expect(main.ports).toEqual([expect.objectContaining({ containerPort: Number(port) })]);
        for (const [probe, path] of [
          ['startupProbe', '/health/live'],
          ['livenessProbe', '/health/live'],
          ['readinessProbe', '/health/ready'],
        ]) {
          expect({ pod, probe, get: main[probe]?.httpGet }).toEqual({
            pod,
            probe,
            get: { path, port: main.ports[0].name },
          });
        }
      }
    });

    it('defines every variable a container refers to, and takes every required secret from the Secret', () => {
      const secretKeys = new Set(Object.keys(secret().stringData));
      for (const { name: pod, spec } of pods) {
        for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
          const defined = new Set(Object.keys(config));
          for (const e of c.env ?? []) {
            for (const [, ref] of String(e.value ?? '').matchAll(/\$\(([A-Z0-9_]+)\)/g)) {
              expect({ pod, variable: e.name, ref, defined: defined.has(ref) }).toMatchObject({ defined: true });
            }
            const secretRef = e.valueFrom?.secretKeyRef;
            if (secretRef)
              expect({ pod, key: secretRef.key, inSecret: secretKeys.has(secretRef.key) }).toMatchObject({
                inSecret: true,
              });
            defined.add(e.name);
          }
        }
      }
    });

    it('keeps placeholders only in the Secret', () => {
      for (const value of Object.values(secret().stringData)) {
        expect(value).toMatch(/^$|change-me|^torque(-[a-z]+)?$|^amqp:\/\/torque:torque@rabbitmq:5672$/);
      }
    });

    it('runs the media workers with one engine thread each, the gpu worker on CUDA', () => {
      for (const queue of ['cpu', 'gpu']) {
        const env = envOf(
          deployments.find((d) => d.metadata.name === `media-worker-${queue}`).spec.template.spec.containers[0],
        );
        expect(env).toMatchObject({ WORKER_CONCURRENCY: '1', MEDIA_ENGINE_THREADS: '1' });
      }
      const gpu = deployments.find((d) => d.metadata.name === 'media-worker-gpu').spec.template.spec;
      const requested = gpu.containers[0].resources.limits['nvidia.com/gpu'];
      if (name === 'dev') {
        // The development cluster has no GPU: the engines fall back to CPU.
        expect({ requested, provider: envOf(gpu.containers[0]).MEDIA_EXECUTION_PROVIDER }).toEqual({
          requested: undefined,
          provider: 'cpu',
        });
      } else {
        expect({ requested, provider: envOf(gpu.containers[0]).MEDIA_EXECUTION_PROVIDER }).toEqual({
          requested: '1',
          provider: 'cuda',
        });
      }
    });

    it('has a PDB per Deployment, HPAs for the gateway and the apis, and leaves replicas to the autoscalers', () => {
      const names = deployments.map((d) => d.metadata.name).sort();
      expect(
        of('PodDisruptionBudget')
          .map((p) => p.spec.selector.matchLabels['app.kubernetes.io/name'])
          .sort(),
      ).toEqual(names);
      expect(
        of('HorizontalPodAutoscaler')
          .map((h) => h.spec.scaleTargetRef.name)
          .sort(),
      ).toEqual(['gateway', ...SERVICE_NAMES.map((s) => `${s}-api`)].sort());
      for (const d of deployments)
        expect({ name: d.metadata.name, replicas: d.spec.replicas }).toEqual({ name: d.metadata.name });
      expect(of('Service').map((s) => s.metadata.name)).toEqual(['gateway']);
    });

    it('lets only the gateway take connections from outside the namespace, and Prometheus scrape the ops port', () => {
      const policies = of('NetworkPolicy');
      const selects = (p: any, labels: Record<string, string>) =>
        Object.entries(p.spec.podSelector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
      for (const d of deployments) {
        const labels = d.spec.template.metadata.labels;
        const mine = policies.filter((p) => selects(p, labels) && p.spec.policyTypes.includes('Ingress'));
        // Selected by a policy at all: ingress not listed is denied.
        expect(mine.some((p) => (p.spec.ingress ?? []).length === 0)).toBe(true);
        const rules = mine.flatMap((p) => p.spec.ingress ?? []);
        const fromAnywhere = rules.filter((r: any) => !r.from);
        if (d.metadata.name === 'gateway') {
          expect(fromAnywhere.map((r: any) => r.ports)).toEqual([[{ protocol: 'TCP', port: Number(config.PORT) }]]);
        } else {
          expect({ name: d.metadata.name, fromAnywhere }).toEqual({ name: d.metadata.name, fromAnywhere: [] });
        }
        for (const r of rules.filter((r: any) => r.from)) {
          expect(r.from).toEqual([
            { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': expect.any(String) } } },
          ]);
          expect(r.ports).toEqual([{ protocol: 'TCP', port: Number(config.HTTP_PORT) }]);
        }
      }
    });
  });
});
