/**
 * Communities as GeoJSON: each school's point with its `community`, `role`, `hub` and `lead` added to its own
 * properties (nothing of the input is lost or mutated), each link as a line (lead → hub, hub → member, lead →
 * direct member), and each community's outline as a polygon (the convex hull of its schools, buffered a little
 * so that a community of one or two schools still has an area; a picture, not a boundary).
 * @module
 */
import { buffer, convex, featureCollection, lineString, point } from "@turf/turf";
import type { Feature, FeatureCollection, LineString, Point, Polygon, MultiPolygon } from "geojson";
import type { CommunityPlan } from "../communities/communityTypes.ts";
import { InputError } from "../errors.ts";

/** The `layer` property of each feature {@link communitiesToGeoJSON} writes. */
export type CommunityLayer = "school" | "link" | "outline";

/** Options of {@link communitiesToGeoJSON}. */
export interface CommunityGeoJSONOptions {
  /** The outline's margin around the schools, kilometres. Default 1. */
  readonly outlineKm?: number;
}

/**
 * The communities as one FeatureCollection (see the module documentation); every feature has `layer`
 * (`school`, `link` or `outline`) and `community` (its lead's id). Schools keep their input properties, with
 * `community`, `role`, `hub` (null for leads, hubs and direct members) and `lead` added; links have `from`, `to`,
 * `kind` (`leadHub`, `hubMember`, `leadMember`) and `minutes`; outlines have `lead`, `schools` and `pupils`.
 * @param plan - from {@link formCommunities}, with memberships (an infeasible plan gives an empty collection)
 * @param schools - the school features, in the order the plan's schools had (Points, WGS-84)
 * @param options - the outline margin
 * @returns a new FeatureCollection; the input features are not changed
 * @throws InputError when the features are not as many as the plan's schools or one is not a Point
 */
export function communitiesToGeoJSON(plan: CommunityPlan, schools: readonly Feature[], options: CommunityGeoJSONOptions = {}): FeatureCollection {
  if (plan.memberships.length === 0) return featureCollection([]);
  if (schools.length !== plan.memberships.length) throw new InputError({ source: "schools", field: "features", value: schools.length }, `must be one per school of the plan: ${plan.memberships.length}`);
  const margin = options.outlineKm ?? 1;
  if (typeof margin !== "number" || !(margin > 0) || !Number.isFinite(margin)) throw new InputError({ source: "options", field: "outlineKm", value: margin }, "must be a number of kilometres > 0");
  const position = new Map<string, [number, number]>();
  schools.forEach((feature, index) => {
    if (feature?.geometry?.type !== "Point") throw new InputError({ source: "schools", index, id: plan.memberships[index]!.school, field: "geometry", value: feature?.geometry?.type }, "must be a Point");
    const [x, y] = (feature.geometry as Point).coordinates;
    position.set(plan.memberships[index]!.school, [x!, y!]);
  });
  const features: Feature[] = [];
  schools.forEach((feature, index) => {
    const m = plan.memberships[index]!;
    features.push({ ...feature, properties: { ...(feature.properties ?? {}), layer: "school", community: m.community, role: m.role, hub: m.hub, lead: m.lead } });
  });
  for (const m of plan.memberships) {
    if (m.role === "lead") continue;
    const from = m.hub ?? m.lead;
    const kind = m.role === "hub" ? "leadHub" : m.hub === null ? "leadMember" : "hubMember";
    const line: Feature<LineString> = {
      type: "Feature",
      properties: { layer: "link", community: m.community, from, to: m.school, kind, minutes: m.linkMinutes },
      geometry: { type: "LineString", coordinates: [position.get(from)!, position.get(m.school)!] },
    };
    features.push(line);
  }
  for (const community of plan.communities) {
    const ids = [community.lead, ...community.hubs, ...community.members];
    const coordinates = ids.map((id) => position.get(id)!);
    // One school: a disc; two, or schools in a line (no hull): a band along them; more: the hull, widened.
    const hull = coordinates.length >= 3 ? convex(featureCollection(coordinates.map((c) => point(c)))) : null;
    const core = coordinates.length === 1 ? point(coordinates[0]!) : (hull ?? lineString(coordinates));
    const shape = buffer(core as Feature, margin, { units: "kilometers" }) as Feature<Polygon | MultiPolygon> | undefined;
    const geometry = shape?.geometry ?? null;
    if (geometry === null) continue;
    features.push({
      type: "Feature",
      properties: { layer: "outline", community: community.lead, lead: community.lead, schools: community.schools, pupils: community.pupils },
      geometry: geometry as Polygon | MultiPolygon,
    });
  }
  return { type: "FeatureCollection", features };
}
