import type { MigrationInterface, QueryRunner } from 'typeorm';
import { buildDemoCatalog } from '../../vehicles/demo-catalog.js';
import { VehicleCatalogRepository } from '../../vehicles/vehicle-catalog.repository.js';

/**
 * The VCdb-style vehicle catalog fitments point at, loaded with the demo catalog
 * (vehicles/data/demo-catalog-v1.json, read by vehicles/demo-catalog.ts).
 *
 *   makes              id, name                                   Honda = 11
 *   make_aliases       alias -> make: alias (Chevy), misspelling (Toyta), former (Ram was sold as Dodge)
 *   models             id, make_id, name, name_kind               Civic = 1101 (make id * 100 + n)
 *   model_aliases      alias -> model: alias (Silverado -> Silverado 1500), misspelling (Camery)
 *   model_generations  year ranges of a model with seller names for them (JK, E90, 10th gen)
 *   base_vehicles      year + make + model, unique                id = model id * 10000 + year (2016 Civic = 11012016)
 *   submodels          trims (LX, XLT, Type R)                    id = position in the data file's submodels + 1
 *   engines            2.7L V6 EcoBoost: liters, cylinders, block, fuel, aspiration; id = position in its engines + 1
 *   vehicles           one configuration: base vehicle + submodel + engine
 *                      id = base vehicle id * 1000000 + submodel id * 1000 + engine id (bigint)
 *
 * Ids are derived from stable keys (vehicles/vehicle-ids.ts), so they are the same in every
 * database; a fitment stores a base vehicle id (and a vehicle id when it names a configuration)
 * that exists here. A later catalog version goes in a new migration that adds rows.
 */
export class VehicleCatalog1764230600000 implements MigrationInterface {
  name = 'VehicleCatalog1764230600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fitment.makes (
        id    integer      PRIMARY KEY,
        name  varchar(100) NOT NULL UNIQUE
      )`);
    await q.query(`
      CREATE TABLE fitment.make_aliases (
        make_id integer      NOT NULL REFERENCES fitment.makes (id) ON DELETE CASCADE,
        alias   varchar(100) NOT NULL,
        kind    varchar(12)  NOT NULL CHECK (kind IN ('alias','misspelling','former')),
        PRIMARY KEY (alias, make_id)
      )`);
    await q.query(`
      CREATE TABLE fitment.models (
        id        integer      PRIMARY KEY,
        make_id   integer      NOT NULL REFERENCES fitment.makes (id),
        name      varchar(100) NOT NULL,
        name_kind varchar(10)  NOT NULL DEFAULT 'distinct' CHECK (name_kind IN ('distinct','place','word')),
        UNIQUE (make_id, name),
        UNIQUE (id, make_id)
      )`);
    await q.query(`
      CREATE TABLE fitment.model_aliases (
        model_id integer      NOT NULL REFERENCES fitment.models (id) ON DELETE CASCADE,
        alias    varchar(100) NOT NULL,
        kind     varchar(12)  NOT NULL CHECK (kind IN ('alias','misspelling')),
        PRIMARY KEY (alias, model_id)
      )`);
    await q.query(`
      CREATE TABLE fitment.model_generations (
        model_id   integer  NOT NULL REFERENCES fitment.models (id) ON DELETE CASCADE,
        start_year smallint NOT NULL,
        end_year   smallint NOT NULL,
        tags       text[]   NOT NULL DEFAULT '{}',
        PRIMARY KEY (model_id, start_year, end_year),
        CHECK (end_year >= start_year)
      )`);
    await q.query(`
      CREATE TABLE fitment.submodels (
        id   integer      PRIMARY KEY,
        name varchar(100) NOT NULL UNIQUE
      )`);
    await q.query(`
      CREATE TABLE fitment.engines (
        id         integer      PRIMARY KEY,
        name       varchar(100) NOT NULL UNIQUE,
        liters     numeric(3,1),
        cylinders  smallint,
        block_type char(1)      CHECK (block_type IN ('I','V','H','W')),
        fuel_type  varchar(16)  NOT NULL CHECK (fuel_type IN ('gas','diesel','hybrid','plug-in hybrid','electric')),
        aspiration varchar(20)  NOT NULL CHECK (aspiration IN ('naturally aspirated','turbocharged','supercharged','electric'))
      )`);
    await q.query(`
      CREATE TABLE fitment.base_vehicles (
        id       integer  PRIMARY KEY,
        year     smallint NOT NULL CHECK (year BETWEEN 1896 AND 2100),
        make_id  integer  NOT NULL,
        model_id integer  NOT NULL,
        UNIQUE (year, make_id, model_id),
        FOREIGN KEY (model_id, make_id) REFERENCES fitment.models (id, make_id)
      )`);
    await q.query(`CREATE INDEX base_vehicles_model_year_idx ON fitment.base_vehicles (model_id, year)`);
    await q.query(`
      CREATE TABLE fitment.vehicles (
        id              bigint  PRIMARY KEY,
        base_vehicle_id integer NOT NULL REFERENCES fitment.base_vehicles (id) ON DELETE CASCADE,
        submodel_id     integer NOT NULL REFERENCES fitment.submodels (id),
        engine_id       integer NOT NULL REFERENCES fitment.engines (id),
        UNIQUE (base_vehicle_id, submodel_id, engine_id)
      )`);
    await q.query(`CREATE INDEX vehicles_submodel_idx ON fitment.vehicles (submodel_id)`);
    await q.query(`CREATE INDEX vehicles_engine_idx ON fitment.vehicles (engine_id)`);
    await new VehicleCatalogRepository().insertSnapshot(q, buildDemoCatalog());
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE IF EXISTS fitment.vehicles, fitment.base_vehicles, fitment.engines, fitment.submodels,
        fitment.model_generations, fitment.model_aliases, fitment.models, fitment.make_aliases, fitment.makes`);
  }
}
