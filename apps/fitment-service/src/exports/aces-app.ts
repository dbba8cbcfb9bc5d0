/** One application of a part to a vehicle, as an export writes it (and as the snapshot of an export keeps it). */
export interface AcesApp {
  part: string;
  part_type: string;
  base_vehicle_id: number;
  year: number;
  make: string;
  model: string;
  submodel_id: number | null;
  submodel: string;
  engine_id: number | null;
  engine: string;
  qty: number;
  position: string;
  note: string;
}

export type AppAction = 'A' | 'D';

export interface ActionApp {
  action: AppAction;
  app: AcesApp;
}

/**
 * PCdb part terminology ids of a few common part types (matched on the category, case-insensitive).
 * A category not listed here gets no PartType element; the category is written in a Note instead.
 */
const PART_TYPES: Array<[RegExp, number]> = [
  [/brake rotor|disc rotor|rotors?$/i, 1896],
  [/brake pad/i, 1684],
  [/oil filter/i, 5340],
  [/cabin (air )?filter/i, 6832],
  [/air filter/i, 6192],
  [/spark plug/i, 7212],
];

/** PCdb position ids of the common positions; others go into a Note. */
const POSITIONS: Record<string, number> = { front: 22, rear: 30 };

export function partTypeId(category: string): number | null {
  const hit = PART_TYPES.find(([re]) => re.test(category));
  return hit ? hit[1] : null;
}

export function positionId(position: string): number | null {
  return POSITIONS[position.trim().toLowerCase()] ?? null;
}
