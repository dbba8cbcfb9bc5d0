// What the Kubernetes manifests are made of, besides the job registry: the base, and what each overlay changes.
// Edit here, then `npm run k8s` rewrites deploy/k8s (test/deploy/k8s-manifests.spec.ts fails while it is stale).

/** CPU and memory of one container. No CPU limit: throttling a Node process stalls its event loop. */
export interface Resources {
  cpu: string;
  memory: string;
  memoryLimit: string;
  /** NVIDIA GPUs (the `nvidia.com/gpu` extended resource of the device plugin). */
  gpus?: number;
}

/** KEDA scaling of one worker Deployment on its Bull queue. */
export interface WorkerScaling {
  /** At least 1: delayed jobs (retries with backoff) and repeatable schedules reach `wait` only through a worker. */
  minReplicas: number;
  maxReplicas: number;
  /** Waiting jobs (the Bull `wait` list) per replica: one replica more for each that many. */
  waitingPerReplica: number;
}

export interface WorkerSettings extends Partial<WorkerScaling> {
  resources?: Resources;
  /** Environment of this worker only, over the ConfigMap. */
  env?: Record<string, string>;
  /** Schedule on GPU nodes: request `resources.gpus` and tolerate the `nvidia.com/gpu` taint. */
  gpu?: boolean;
}

export interface DeploySettings {
  /** Image of every container; overlays set it through kustomize `images`. */
  image: { name: string; tag: string };
  /** ConfigMap `torque-config`, the settings every container reads (see README "Configuration"). */
  config: Record<string, string>;
  gateway: { minReplicas: number; maxReplicas: number; cpuUtilization: number; resources: Resources };
  api: { minReplicas: number; maxReplicas: number; cpuUtilization: number; resources: Resources };
  workerDefaults: WorkerScaling & { resources: Resources };
  /** By Bull queue name, `<service>.<queue>`. */
  workers: Record<string, WorkerSettings>;
  migrate: { resources: Resources };
  /** Namespace of the Prometheus that scrapes `/metrics` (the only other source allowed into Torque's pods). */
  monitoringNamespace: string;
  /** Seconds the gateway keeps serving after SIGTERM so that load balancers stop sending to it first. */
  gatewayPreStopSeconds: number;
  /** terminationGracePeriodSeconds = SHUTDOWN_GRACE_MS (+ the gateway's preStop) + this. */
  terminationMarginSeconds: number;
}

export interface Overlay {
  /** Kubernetes namespace of the overlay (created by it, Pod Security `restricted` enforced). */
  namespace: string;
  image: { name: string; tag: string };
  /** Applied over the base settings (objects merged, the rest replaced). */
  settings: DeepPartial<DeploySettings>;
  /** The overlay ships a Secret with these placeholder values, or only a template of it (`secret.template.yaml`). */
  applySecret: boolean;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

const MEDIA_WORKER_ENV = { WORKER_CONCURRENCY: '1', MEDIA_ENGINE_THREADS: '1' };

export const BASE: DeploySettings = {
  image: { name: 'torque', tag: 'latest' },
  config: {
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    NAMESPACE: 'torque',
    // Below terminationGracePeriodSeconds (derived from it), so in-flight jobs finish before the kubelet kills.
    SHUTDOWN_GRACE_MS: '25000',
    PORT: '3000',
    HTTP_PORT: '3001',
    RETENTION_DAYS: '30',
    CLEANUP_CRON: '0 3 * * *',
    // Pods share no disk: uploads, import reports and media images live in a bucket.
    STORAGE_DRIVER: 's3',
    S3_ENDPOINT: 'http://minio:9000',
    S3_REGION: 'us-east-1',
    S3_BUCKET: 'torque',
    S3_FORCE_PATH_STYLE: 'true',
    // Parts of the URLs the containers compose with their passwords from the Secret (see docs/deploy.md).
    POSTGRES_HOST: 'postgres',
    POSTGRES_PORT: '5432',
    POSTGRES_DB: 'torque',
    POSTGRES_USER: 'torque',
    // host:port, also read by the KEDA scalers.
    REDIS_ADDRESS: 'redis:6379',
  },
  gateway: {
    minReplicas: 1,
    maxReplicas: 3,
    cpuUtilization: 70,
    resources: { cpu: '250m', memory: '256Mi', memoryLimit: '512Mi' },
  },
  api: {
    minReplicas: 1,
    maxReplicas: 2,
    cpuUtilization: 70,
    resources: { cpu: '100m', memory: '256Mi', memoryLimit: '512Mi' },
  },
  workerDefaults: {
    minReplicas: 1,
    maxReplicas: 3,
    waitingPerReplica: 5,
    resources: { cpu: '250m', memory: '384Mi', memoryLimit: '768Mi' },
  },
  workers: {
    'ingestion.import': {
      waitingPerReplica: 2,
      resources: { cpu: '500m', memory: '512Mi', memoryLimit: '1Gi' },
    },
    'indexer.heavy': { waitingPerReplica: 1, resources: { cpu: '500m', memory: '512Mi', memoryLimit: '1Gi' } },
    // The local embedding model keeps a core busy per batch.
    'indexer.embed': { waitingPerReplica: 2, resources: { cpu: '1', memory: '1Gi', memoryLimit: '2Gi' } },
    // Bull's limiter caps generations per window across replicas: more replicas add concurrency, not rate.
    'indexer.metadata': { maxReplicas: 2 },
    'media.cpu': {
      waitingPerReplica: 2,
      env: MEDIA_WORKER_ENV,
      resources: { cpu: '1', memory: '2Gi', memoryLimit: '3Gi' },
    },
    'media.gpu': {
      waitingPerReplica: 2,
      env: { ...MEDIA_WORKER_ENV, MEDIA_EXECUTION_PROVIDER: 'cuda' },
      gpu: true,
      resources: { cpu: '1', memory: '3Gi', memoryLimit: '6Gi', gpus: 1 },
    },
  },
  migrate: { resources: { cpu: '100m', memory: '256Mi', memoryLimit: '512Mi' } },
  monitoringNamespace: 'monitoring',
  gatewayPreStopSeconds: 5,
  terminationMarginSeconds: 10,
};

export const OVERLAYS: Record<string, Overlay> = {
  // A development cluster (kind, minikube) with the servers in the namespace and no GPU: the gpu worker runs its
  // engines on CPU, and a Secret with placeholder passwords is applied.
  dev: {
    namespace: 'torque-dev',
    image: { name: 'torque', tag: 'dev' },
    applySecret: true,
    settings: {
      config: { LOG_LEVEL: 'debug', RETENTION_DAYS: '7' },
      workers: {
        'media.gpu': {
          gpu: false,
          env: { ...MEDIA_WORKER_ENV, MEDIA_EXECUTION_PROVIDER: 'cpu' },
          resources: { cpu: '500m', memory: '2Gi', memoryLimit: '3Gi', gpus: 0 },
        },
      },
    },
  },
  // Production: the servers outside the namespace (docs/deploy.md), the Secret created apart from these files.
  prod: {
    namespace: 'torque',
    image: { name: 'registry.example.com/torque', tag: '0.1.0' },
    applySecret: false,
    settings: {
      config: {
        S3_ENDPOINT: '',
        S3_BUCKET: 'torque-storage',
        S3_FORCE_PATH_STYLE: 'false',
        POSTGRES_HOST: 'postgres.torque-data.svc',
        REDIS_ADDRESS: 'redis.torque-data.svc:6379',
      },
      gateway: { minReplicas: 2, maxReplicas: 10, resources: { cpu: '500m', memory: '512Mi', memoryLimit: '1Gi' } },
      api: { minReplicas: 2, maxReplicas: 6 },
      workerDefaults: { maxReplicas: 4 },
      workers: {
        'fitment.generate': { maxReplicas: 20 },
        'fitment.export': { maxReplicas: 4 },
        'ingestion.import': { maxReplicas: 8 },
        'indexer.light': { maxReplicas: 6 },
        'media.cpu': { minReplicas: 2, maxReplicas: 8 },
        'media.gpu': { maxReplicas: 4 },
      },
    },
  },
};
