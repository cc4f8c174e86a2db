/**
 * One year of migration between the places of a county: rural → township seat → county seat, and out of the
 * county.
 * @module
 */
import { InputError } from "../errors.ts";

/**
 * What a place is for migration: `"rural"` (a village), `"townshipSeat"` (a township's seat: its town or township
 * centre), `"countySeat"` (the county seat), or `"county"` (a whole county as one place: only out-of-county
 * migration applies).
 */
export type PlaceKind = "county" | "countySeat" | "townshipSeat" | "rural";

/** The place kinds, for checks. */
export const PLACE_KINDS: readonly PlaceKind[] = ["county", "countySeat", "townshipSeat", "rural"];

/** A place of a projection and its base-year ages. */
export interface ProjectionPlace {
  /** Unique id, e.g. a settlement id or the county code. */
  readonly id: string;
  /** What it is for migration. */
  readonly kind: PlaceKind;
  /** The township it belongs to (a rural place moves to its township's seat); optional for other kinds. */
  readonly township?: string;
  /** Counts for ages 0–19 in the base year. */
  readonly ages: readonly number[];
}

/** The migration shares of one year, each in [0, 1). */
export interface YearMigration {
  /** The share of each rural place's children moving to its township seat. */
  readonly ruralToTownshipSeat: number;
  /** The share of each township seat's children moving to the county seat. */
  readonly townshipSeatToCountySeat: number;
  /** The share of every place's children leaving the county. */
  readonly outOfCounty: number;
}

/** Children moved in one year, summed over ages 0–19. */
export interface MigrationFlows {
  /** Left the county. */
  readonly outOfCounty: number;
  /** Moved from rural places to township seats (or to the county seat where their township has no seat place). */
  readonly toTownshipSeats: number;
  /** Moved from township seats to the county seat. */
  readonly toCountySeat: number;
}

/** Where each place's movers go: destination indices, or none. */
export interface MigrationRoutes {
  /** Per place (input order), the indices of the places its movers go to; empty where none move. */
  readonly destinations: readonly (readonly number[])[];
}

/**
 * The destinations of each place: a rural place's township seat places (of either seat kind), else the county
 * seat places; a township seat's county seat places; none for the county seat and a whole county.
 * @param places - the places
 * @returns one destination list per place (same order)
 * @throws InputError for an unknown kind or a duplicate id
 */
export function migrationRoutes(places: readonly ProjectionPlace[]): MigrationRoutes {
  const ids = new Set<string>();
  places.forEach((place, index) => {
    if (!PLACE_KINDS.includes(place.kind)) throw new InputError({ source: "places", index, id: place.id, field: "kind", value: place.kind }, `must be one of ${PLACE_KINDS.join(", ")}`);
    if (ids.has(place.id)) throw new InputError({ source: "places", index, id: place.id, field: "id", value: place.id }, "is a duplicate");
    ids.add(place.id);
  });
  const countySeats = places.flatMap((p, i) => (p.kind === "countySeat" ? [i] : []));
  const destinations = places.map((place) => {
    if (place.kind === "townshipSeat") return countySeats;
    if (place.kind !== "rural") return [];
    const seats = places.flatMap((p, i) => ((p.kind === "townshipSeat" || p.kind === "countySeat") && p.township !== undefined && p.township === place.township ? [i] : []));
    return seats.length > 0 ? seats : countySeats;
  });
  return { destinations };
}

function total(ages: readonly number[]): number {
  let sum = 0;
  for (const n of ages) sum += n;
  return sum;
}

/** The result of {@link migrateOneYear}. */
export interface MigratedYear {
  /** Per place, counts for ages 0–19 after the year's moves. */
  readonly ages: number[][];
  /** The children moved. */
  readonly flows: MigrationFlows;
}

/**
 * Moves children for one year. Out-of-county migration first takes its share of every place; then rural and
 * township-seat movers are taken from that state at once and added to their destinations, split in proportion to
 * the destinations' children (evenly when those are all 0), so nobody moves twice in a year. People are
 * conserved: the sum over places after, plus `outOfCounty`, equals the sum before.
 * @param ages - per place, counts for ages 0–19 (not changed)
 * @param places - the places (their kinds)
 * @param routes - from {@link migrationRoutes}
 * @param shares - this year's shares
 * @returns the new counts per place and the flows
 */
export function migrateOneYear(
  ages: readonly (readonly number[])[],
  places: readonly ProjectionPlace[],
  routes: MigrationRoutes,
  shares: YearMigration,
): MigratedYear {
  let outOfCounty = 0;
  const stayed = ages.map((row) => row.map((n) => {
    const out = n * shares.outOfCounty;
    outOfCounty += out;
    return n - out;
  }));
  const next = stayed.map((row) => [...row]);
  let toTownshipSeats = 0;
  let toCountySeat = 0;
  places.forEach((place, i) => {
    const share = place.kind === "rural" ? shares.ruralToTownshipSeat : place.kind === "townshipSeat" ? shares.townshipSeatToCountySeat : 0;
    const targets = routes.destinations[i] as readonly number[];
    if (share === 0 || targets.length === 0) return;
    const sizes = targets.map((j) => total(stayed[j] as number[]));
    const sum = sizes.reduce((a, b) => a + b, 0);
    const weights = sizes.map((size) => (sum > 0 ? size / sum : 1 / targets.length));
    const from = stayed[i] as number[];
    from.forEach((n, age) => {
      const moved = n * share;
      (next[i] as number[])[age] = (next[i] as number[])[age]! - moved;
      targets.forEach((j, k) => ((next[j] as number[])[age] = (next[j] as number[])[age]! + moved * (weights[k] as number)));
      if (place.kind === "rural") toTownshipSeats += moved;
      else toCountySeat += moved;
    });
  });
  return { ages: next, flows: { outOfCounty, toTownshipSeats, toCountySeat } };
}
