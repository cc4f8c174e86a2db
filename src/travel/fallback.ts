/**
 * The straight-line fallback's assumed speeds and detour, used wherever no road network is given (the travel
 * command, plans): great-circle distance × detour factor ÷ speed, labelled as such in every output.
 * @module
 */
import type { TravelMode } from "./network/travelMode.ts";

/**
 * Speeds of the straight-line fallback per travel mode, km/h (assumptions): walk 5, bicycle 15, e-bike 20, school bus 40, car 50. They apply to the great-circle distance ×
 * the detour factor, so they stand for average door-to-door speeds on the roads.
 */
export const FALLBACK_SPEEDS_KM_PER_HOUR: Readonly<Record<TravelMode, number>> = Object.freeze({
  walk: 5,
  bicycle: 15,
  ebike: 20,
  schoolBus: 40,
  car: 50,
});

/** Default detour factor of the straight-line fallback, road distance ÷ great-circle distance: 1.3 (an assumption). */
export const FALLBACK_DETOUR_FACTOR = 1.3;
