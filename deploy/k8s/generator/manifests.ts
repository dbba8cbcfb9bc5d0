// The Kubernetes objects of a Torque deployment, built from the job registry (one worker Deployment and one KEDA
// ScaledObject per queue of each service) and the settings in settings.ts.
import { createHash } from 'node:crypto';
import { bullKeyPrefix, SERVICE_NAMES, serviceQueueName, type ServiceName } from '@torque/contracts';
import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import type { ITriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { DeepPartial, DeploySettings, Resources, WorkerScaling, WorkerSettings } from './settings.js';

/** Any object of the manifests, as it is written to YAML. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

/** The queues of each service, as the job registry lists them (`SERVICE_QUEUES`). */
export type ServiceQueues = Readonly<Record<ServiceName, readonly string[]>>;

/** Objects of one file of the base, by file name. */
export type ObjectFiles = Map<string, K8sObject[]>;

export const CONFIG_MAP = 'torque-config';
export const SECRET = 'torque-secrets';
export const SERVICE_ACCOUNT = 'torque';
export const REDIS_AUTH = 'torque-redis';
export const PART_OF = { 'app.kubernetes.io/part-of': 'torque' };
const RUN_AS = 1000; // the image's `node` user
const TMP = '/tmp';
/** The working directory's `.data` (STORAGE_DIR of the local driver lives under it). */
const DATA = '/app/.data';

/** Secrets each kind of process reads (all others are in the ConfigMap); optional ones may be left empty. */
const COMMON_SECRETS = ['REDIS_PASSWORD', 'RABBITMQ_URL'];
const COMMON_OPTIONAL_SECRETS = ['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'];
const SERVICE_OPTIONAL_SECRETS: Record<ServiceName, string[]> = {
  fitment: ['OPENAI_API_KEY'],
  ingestion: [],
  media: [
    'MEDIA_WEBHOOK_SECRET',
    'MEDIA_GENERATION_API_KEY',
    'MEDIA_FACE_SWAP_PROVIDER_API_KEY',
    'MEDIA_BACKGROUND_REMOVAL_PROVIDER_API_KEY',
    'MEDIA_OBJECT_REMOVAL_PROVIDER_API_KEY',
    'MEDIA_STYLE_TRANSFER_PROVIDER_API_KEY',
  ],
  indexer: ['OPENAI_API_KEY', 'GEMINI_API_KEY', 'ASSISTANT_CHAT_API_KEY'],
};
export const dbPasswordKey = (service: ServiceName) => `DB_PASSWORD_${service.toUpperCase()}`;

/** Every key of the Secret with a placeholder value (dev: usable as is against servers without auth). */
export function secretPlaceholders(dev: boolean): Record<string, string> {
  const pick = (devValue: string, prodValue = 'change-me') => (dev ? devValue : prodValue);
  const keys: Record<string, string> = {
    JWT_SECRET: pick('dev-only-jwt-secret-change-me'),
    POSTGRES_PASSWORD: pick('torque'),
    ...Object.fromEntries(SERVICE_NAMES.map((s) => [dbPasswordKey(s), pick(`torque-${s}`)])),
    REDIS_PASSWORD: pick(''),
    RABBITMQ_URL: pick('amqp://torque:torque@rabbitmq:5672', 'amqp://torque:change-me@rabbitmq:5672'),
  };
  const optional = new Set([...COMMON_OPTIONAL_SECRETS, ...Object.values(SERVICE_OPTIONAL_SECRETS).flat()]);
  for (const key of [...optional].sort()) keys[key] = '';
  return keys;
}

export function mergeSettings<T>(base: T, patch: DeepPartial<T> | undefined): T {
  if (patch === undefined) return base;
  if (typeof base !== 'object' || base === null || Array.isArray(base)) return patch as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(patch as Record<string, unknown>)) {
    out[key] = key in out ? mergeSettings(out[key], value as never) : value;
  }
  return out as T;
}

/** The Bull list of a queue that KEDA reads, e.g. `torque:bull:fitment.generate:wait`. */
export function bullListKey(namespace: string, service: ServiceName, queue: string, list: 'wait' | 'active'): string {
  return `${bullKeyPrefix(namespace)}:${serviceQueueName(service, queue)}:${list}`;
}

function resources(r: Resources): IContainer['resources'] {
  const gpus: Record<string, string> = r.gpus ? { 'nvidia.com/gpu': String(r.gpus) } : {};
  return { requests: { cpu: r.cpu, memory: r.memory, ...gpus }, limits: { memory: r.memoryLimit, ...gpus } };
}

const secretEnv = (key: string, optional = false): IEnvVar => ({
  name: key,
  valueFrom: { secretKeyRef: { name: SECRET, key, ...(optional ? { optional: true } : {}) } },
});
const plainEnv = (env: Record<string, string>): IEnvVar[] =>
  Object.entries(env).map(([name, value]) => ({ name, value }));

/** Passwords come from the Secret, the rest of each URL from the ConfigMap (`$(VAR)` is expanded by the kubelet). */
const REDIS_URL: IEnvVar = { name: 'REDIS_URL', value: 'redis://:$(REDIS_PASSWORD)@$(REDIS_ADDRESS)' };
const databaseUrl = (user: string, passwordVar: string): IEnvVar => ({
  name: 'DATABASE_URL',
  value: `postgres://${user}:$(${passwordVar})@$(POSTGRES_HOST):$(POSTGRES_PORT)/$(POSTGRES_DB)`,
});

const securityContext: IContainer['securityContext'] = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
};
const volumeMounts: IContainer['volumeMounts'] = [
  { name: 'tmp', mountPath: TMP },
  { name: 'data', mountPath: DATA },
];

function labels(name: string, component: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/component': component, ...PART_OF, ...extra };
}
const selectorOf = (name: string) => ({ 'app.kubernetes.io/name': name });

interface Workload {
  name: string;
  component: 'gateway' | 'api' | 'worker' | 'migrate';
  extraLabels?: Record<string, string>;
  args: string[];
  env: IEnvVar[];
  resources: Resources;
  /** Port of the server with /health/live and /health/ready (none for the migrate Job). */
  port?: { name: string; number: number };
  initContainers?: IContainer[];
  preStopSeconds?: number;
  gpu?: boolean;
}

function container(w: Workload, image: string): IContainer {
  const probe = (path: string, periodSeconds: number, failureThreshold: number, timeoutSeconds: number) => ({
    httpGet: { path, port: w.port!.name },
    periodSeconds,
    failureThreshold,
    timeoutSeconds,
  });
  return {
    name: w.component === 'migrate' ? 'migrate' : 'app',
    image,
    imagePullPolicy: 'IfNotPresent',
    args: w.args,
    envFrom: [{ configMapRef: { name: CONFIG_MAP } }],
    env: w.env,
    ...(w.port
      ? {
          ports: [{ name: w.port.name, containerPort: w.port.number, protocol: 'TCP' }],
          // Models load before the server listens (media engines at boot): up to 5 minutes to start.
          startupProbe: probe('/health/live', 5, 60, 3),
          livenessProbe: probe('/health/live', 10, 6, 5),
          readinessProbe: probe('/health/ready', 10, 3, 5),
        }
      : {}),
    ...(w.preStopSeconds ? { lifecycle: { preStop: { exec: { command: ['sleep', String(w.preStopSeconds)] } } } } : {}),
    resources: resources(w.resources),
    securityContext,
    volumeMounts,
  };
}

function podSpec(w: Workload, s: DeploySettings, image: string, configHash: string) {
  const graceSeconds =
    Math.ceil(Number(s.config.SHUTDOWN_GRACE_MS) / 1000) + (w.preStopSeconds ?? 0) + s.terminationMarginSeconds;
  const spec: IPodSpec = {
    serviceAccountName: SERVICE_ACCOUNT,
    automountServiceAccountToken: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: RUN_AS,
      runAsGroup: RUN_AS,
      fsGroup: RUN_AS,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    terminationGracePeriodSeconds: graceSeconds,
    ...(w.initContainers ? { initContainers: w.initContainers } : {}),
    containers: [container(w, image)],
    ...(w.gpu ? { tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] } : {}),
    ...(w.component === 'migrate'
      ? { restartPolicy: 'Never' }
      : {
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: selectorOf(w.name) },
            },
          ],
        }),
    volumes: [
      { name: 'tmp', emptyDir: { sizeLimit: '1Gi' } },
      { name: 'data', emptyDir: { sizeLimit: '1Gi' } },
    ],
  };
  return {
    metadata: {
      labels: labels(w.name, w.component, w.extraLabels),
      // A change of the ConfigMap's data rolls the pods.
      annotations: { 'checksum/config': configHash },
    },
    spec,
  };
}

function deployment(w: Workload, s: DeploySettings, image: string, configHash: string): IDeployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: w.name, labels: labels(w.name, w.component, w.extraLabels) },
    spec: {
      // No `replicas`: the HPA (gateway, api) or KEDA (workers) owns it.
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorOf(w.name) },
      // A GPU worker cannot surge onto a GPU it does not have: replace one pod at a time instead.
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: w.gpu ? { maxSurge: 0, maxUnavailable: 1 } : { maxSurge: 1, maxUnavailable: 0 },
      },
      template: podSpec(w, s, image, configHash),
    },
  };
}

function pdb(name: string, component: string, extra?: Record<string, string>): IPodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name, labels: labels(name, component, extra) },
    // One pod at a time: a drained worker hands its jobs back within the grace period.
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorOf(name) } },
  };
}

const SCALE_DOWN = {
  // Scale down one pod a minute after five minutes of lower demand, so each leaving worker drains first.
  stabilizationWindowSeconds: 300,
  policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
};

function cpuHpa(
  name: string,
  component: string,
  h: { minReplicas: number; maxReplicas: number; cpuUtilization: number },
  extra?: Record<string, string>,
): IHorizontalPodAutoscaler {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, labels: labels(name, component, extra) },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas: h.minReplicas,
      maxReplicas: h.maxReplicas,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: h.cpuUtilization } },
        },
      ],
      behavior: { scaleDown: SCALE_DOWN },
    },
  };
}

function scaledObject(
  name: string,
  service: ServiceName,
  queue: string,
  scaling: WorkerScaling,
  concurrency: number,
  namespace: string,
): IScaledObject {
  const trigger = (triggerName: string, list: 'wait' | 'active', perReplica: number, activation?: number) => ({
    type: 'redis',
    name: triggerName,
    metadata: {
      addressFromEnv: 'REDIS_ADDRESS',
      listName: bullListKey(namespace, service, queue, list),
      listLength: String(perReplica),
      ...(activation === undefined ? {} : { activationListLength: String(activation) }),
    },
    authenticationRef: { name: REDIS_AUTH },
  });
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name, labels: labels(name, 'worker', { 'torque/service': service, 'torque/queue': queue }) },
    spec: {
      scaleTargetRef: { name },
      minReplicaCount: scaling.minReplicas,
      maxReplicaCount: scaling.maxReplicas,
      pollingInterval: 15,
      advanced: { horizontalPodAutoscalerConfig: { behavior: { scaleDown: SCALE_DOWN } } },
      // The HPA follows the larger of the two: jobs waiting (demand), and jobs running (so that replicas in the
      // middle of long jobs are not scaled away while the wait list is empty).
      triggers: [trigger('waiting', 'wait', scaling.waitingPerReplica, 0), trigger('running', 'active', concurrency)],
    },
  };
}

function networkPolicies(s: DeploySettings): INetworkPolicy[] {
  const policy = (name: string, spec: INetworkPolicy['spec']): INetworkPolicy => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, labels: { ...PART_OF } },
    spec,
  });
  const port = (p: string) => ({ protocol: 'TCP' as const, port: Number(p) });
  return [
    // Torque's pods take no connection but those allowed below (services talk through RabbitMQ, not to each other).
    policy('torque-default-deny-ingress', { podSelector: { matchLabels: { ...PART_OF } }, policyTypes: ['Ingress'] }),
    // The gateway's HTTP port from anywhere: the ingress controller or load balancer in front of it.
    policy('gateway-ingress', {
      podSelector: { matchLabels: selectorOf('gateway') },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [port(s.config.PORT)] }],
    }),
    // Prometheus scrapes /metrics on the services' ops port.
    policy('ops-from-monitoring', {
      podSelector: { matchLabels: { ...PART_OF } },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': s.monitoringNamespace } } }],
          ports: [port(s.config.HTTP_PORT)],
        },
      ],
    }),
  ];
}

const entryOf = (app: string) => `dist/apps/${app}/src/main.js`;

/** Every object of the base (or of an overlay, given its merged settings), grouped by file. */
export function buildObjects(s: DeploySettings, serviceQueues: ServiceQueues): ObjectFiles {
  const image = `${s.image.name}:${s.image.tag}`;
  const configHash = createHash('sha256').update(JSON.stringify(s.config)).digest('hex').slice(0, 16);
  const files: ObjectFiles = new Map();
  const opsPort = { name: 'ops', number: Number(s.config.HTTP_PORT) };

  const config: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: CONFIG_MAP, labels: { ...PART_OF } },
    data: s.config,
  };
  const account: IServiceAccount = {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: SERVICE_ACCOUNT, labels: { ...PART_OF } },
    automountServiceAccountToken: false,
  };
  const redisAuth: ITriggerAuthentication = {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'TriggerAuthentication',
    metadata: { name: REDIS_AUTH, labels: { ...PART_OF } },
    spec: { secretTargetRef: [{ parameter: 'password', name: SECRET, key: 'REDIS_PASSWORD' }] },
  };
  files.set('config.yaml', [config, account, redisAuth] as K8sObject[]);
  files.set('network-policies.yaml', networkPolicies(s) as K8sObject[]);

  // The migration: every schema, as the owner; it also sets each service role's password from the Secret.
  const migrateWork: Workload = {
    name: 'migrate',
    component: 'migrate',
    args: ['scripts/migrate.js'],
    env: [
      secretEnv('POSTGRES_PASSWORD'),
      ...SERVICE_NAMES.map((svc) => secretEnv(dbPasswordKey(svc))),
      databaseUrl('$(POSTGRES_USER)', 'POSTGRES_PASSWORD'),
    ],
    resources: s.migrate.resources,
  };
  const migrate: IJob = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', labels: labels('migrate', 'migrate') },
    spec: {
      backoffLimit: 6,
      activeDeadlineSeconds: 1800,
      // Deleted an hour after it ends, so that the next `kubectl apply` creates it again for the new image.
      ttlSecondsAfterFinished: 3600,
      template: podSpec(migrateWork, s, image, configHash),
    },
  };
  files.set('migrate.yaml', [migrate] as K8sObject[]);

  const gatewayWork: Workload = {
    name: 'gateway',
    component: 'gateway',
    args: [entryOf('gateway')],
    env: [
      secretEnv('JWT_SECRET'),
      ...COMMON_SECRETS.map((k) => secretEnv(k)),
      ...COMMON_OPTIONAL_SECRETS.map((k) => secretEnv(k, true)),
      REDIS_URL,
    ],
    resources: s.gateway.resources,
    port: { name: 'http', number: Number(s.config.PORT) },
    preStopSeconds: s.gatewayPreStopSeconds,
  };
  const gatewayService: IService = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'gateway', labels: labels('gateway', 'gateway') },
    spec: {
      type: 'ClusterIP',
      selector: selectorOf('gateway'),
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    },
  };
  files.set('gateway.yaml', [
    deployment(gatewayWork, s, image, configHash),
    gatewayService,
    cpuHpa('gateway', 'gateway', s.gateway),
    pdb('gateway', 'gateway'),
  ] as K8sObject[]);

  for (const service of SERVICE_NAMES) {
    const serviceLabels = { 'torque/service': service };
    const serviceEnv = [
      ...COMMON_SECRETS.map((k) => secretEnv(k)),
      secretEnv(dbPasswordKey(service)),
      ...[...COMMON_OPTIONAL_SECRETS, ...SERVICE_OPTIONAL_SECRETS[service]].map((k) => secretEnv(k, true)),
      REDIS_URL,
      // The service's own role, which may use its own schema only (scripts/migrate.js grants it).
      databaseUrl(`torque_${service}`, dbPasswordKey(service)),
    ];
    // Starts once the migrate Job has applied this image's migrations of the service's schema.
    const waitForMigrations: IContainer = {
      name: 'wait-for-migrations',
      image,
      imagePullPolicy: 'IfNotPresent',
      args: ['scripts/wait-for-migrations.js', service],
      envFrom: [{ configMapRef: { name: CONFIG_MAP } }],
      env: [secretEnv(dbPasswordKey(service)), databaseUrl(`torque_${service}`, dbPasswordKey(service))],
      resources: resources({ cpu: '50m', memory: '128Mi', memoryLimit: '256Mi' }),
      securityContext,
      volumeMounts,
    };
    const apiName = `${service}-api`;
    files.set(`${apiName}.yaml`, [
      deployment(
        {
          name: apiName,
          component: 'api',
          extraLabels: serviceLabels,
          args: [entryOf(`${service}-service`)],
          env: [...serviceEnv, ...plainEnv({ ROLE: 'api' })],
          resources: s.api.resources,
          port: opsPort,
          initContainers: [waitForMigrations],
        },
        s,
        image,
        configHash,
      ),
      cpuHpa(apiName, 'api', s.api, serviceLabels),
      pdb(apiName, 'api', serviceLabels),
    ] as K8sObject[]);

    for (const queue of serviceQueues[service]) {
      const name = `${service}-worker-${queue}`;
      const queueLabels = { ...serviceLabels, 'torque/queue': queue };
      const own: WorkerSettings = s.workers[serviceQueueName(service, queue)] ?? {};
      const scaling = mergeSettings<WorkerScaling>(s.workerDefaults, own);
      if (scaling.minReplicas < 1) throw new Error(`${name}: minReplicas must be at least 1 (settings.ts)`);
      const workerEnv: Record<string, string> = { ROLE: 'worker', WORKER_QUEUES: queue, ...own.env };
      files.set(`${name}.yaml`, [
        deployment(
          {
            name,
            component: 'worker',
            extraLabels: queueLabels,
            args: [entryOf(`${service}-service`)],
            env: [...serviceEnv, ...plainEnv(workerEnv)],
            resources: own.resources ?? s.workerDefaults.resources,
            port: opsPort,
            initContainers: [waitForMigrations],
            gpu: own.gpu,
          },
          s,
          image,
          configHash,
        ),
        scaledObject(
          name,
          service,
          queue,
          scaling,
          Number(workerEnv.WORKER_CONCURRENCY ?? s.config.WORKER_CONCURRENCY ?? 2),
          s.config.NAMESPACE,
        ),
        pdb(name, 'worker', queueLabels),
      ] as K8sObject[]);
    }
  }
  return files;
}

export function namespaceObject(name: string): INamespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { ...PART_OF, 'pod-security.kubernetes.io/enforce': 'restricted' },
    },
  };
}

export function secretObject(values: Record<string, string>): ISecret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: SECRET, labels: { ...PART_OF } },
    type: 'Opaque',
    stringData: values,
  };
}
