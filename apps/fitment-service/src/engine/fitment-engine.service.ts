import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { FitmentQueueNames } from '@torque/contracts';
import { runsWorker, SERVICE_ENV, type ServiceEnv } from '@torque/platform';
import { DataSource } from 'typeorm';
import type { FitmentEngine } from './fitment-engine.js';
import { loadFitmentEngine } from './fitment-engine.loader.js';

/**
 * The local fitment engine of this process, built from the vehicle catalog on first use and built
 * again when the catalog changed (an import added vehicles): each job asks for it once, and a cheap
 * fingerprint query tells whether the one in memory is still current. A process that works on the
 * `generate` queue builds it at start, so the first job does not wait for it.
 */
@Injectable()
export class FitmentEngineService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FitmentEngineService.name);
  private cached: { fingerprint: string; engine: Promise<FitmentEngine> } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_ENV) private readonly env: ServiceEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (!runsWorker(this.env, FitmentQueueNames.Generate)) return;
    this.current().catch((err: Error) =>
      this.logger.warn(`could not build the fitment engine at start: ${err.message}`),
    );
  }

  /**
   * Builds the engine again now from the catalog as it is (after an import), whether or not the
   * fingerprint changed; jobs that already hold the previous engine finish with it. A process that
   * neither works on `generate` nor built one yet only forgets it (it builds one when first asked).
   */
  async reload(): Promise<void> {
    const had = this.cached !== null;
    this.cached = null;
    if (had || runsWorker(this.env, FitmentQueueNames.Generate)) await this.current();
  }

  async current(): Promise<FitmentEngine> {
    const rows: Array<{ fingerprint: string }> = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM vehicles) || ':' || (SELECT count(*) FROM base_vehicles) || ':' ||
              (SELECT count(*) FROM model_aliases) || ':' || (SELECT count(*) FROM make_aliases) AS fingerprint`,
    );
    const fingerprint = rows[0].fingerprint;
    if (this.cached?.fingerprint !== fingerprint) {
      const started = Date.now();
      const engine = loadFitmentEngine(this.dataSource);
      this.cached = { fingerprint, engine };
      engine.then(
        () =>
          this.logger.log(
            `fitment engine built over the vehicle catalog (${fingerprint}) in ${Date.now() - started} ms`,
          ),
        () => {
          if (this.cached?.engine === engine) this.cached = null;
        },
      );
    }
    return this.cached.engine;
  }
}
