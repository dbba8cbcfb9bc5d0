import type { Aspiration, EngineRow, FuelType } from './vehicle-catalog.types.js';

const ENGINE_NAME = /^(\d+\.\d)L ([IVHW])(\d{1,2})(?: (.+))?$/;

/** Structured columns of an engine from its catalog name ("2.7L V6 EcoBoost", "Electric"). */
export function parseEngineName(id: number, name: string): EngineRow {
  if (name === 'Electric') {
    return { id, name, liters: null, cylinders: null, blockType: null, fuelType: 'electric', aspiration: 'electric' };
  }
  const m = ENGINE_NAME.exec(name);
  if (!m) throw new Error(`engine name "${name}" is not "<liters>L <layout><cylinders> [descriptors]"`);
  const extra = m[4] ?? '';
  let fuelType: FuelType = 'gas';
  if (/Diesel/.test(extra)) fuelType = 'diesel';
  else if (/Plug-In Hybrid/.test(extra)) fuelType = 'plug-in hybrid';
  else if (/Hybrid/.test(extra)) fuelType = 'hybrid';
  let aspiration: Aspiration = 'naturally aspirated';
  if (/Supercharged/.test(extra)) aspiration = 'supercharged';
  else if (/Turbo|EcoBoost|PowerBoost/.test(extra)) aspiration = 'turbocharged';
  return { id, name, liters: Number(m[1]), cylinders: Number(m[3]), blockType: m[2], fuelType, aspiration };
}
