/**
 * An illustrative status quo and candidate sites for the Dongyuan (东源县) plan. No open list of Dongyuan's schools
 * exists (../shared/docs/domain.md §7), so these are made up from the allocated pupils by the rules below, and
 * every school says so (`illustrative: true`, and the collections' metadata):
 * - at every township seat the township "three schools": a central kindergarten (about 70 % of the township's
 *   children), and either a central primary (complete, 60 beds) and a boarding junior school (townships of 14
 *   or more village-level units) or a boarding nine-year school (smaller townships);
 * - in the county seat (县城中心城区社区, 仙塘镇) a county-seat junior school (36 classes, 900 beds), a county-seat
 *   primary (30 classes) and kindergarten (10 classes), named after the county's 2025 lead schools (东源县实验中学,
 *   东源县第一小学, 东源县第一幼儿园; ../shared/docs/domain.md §7), kept open (`required`: they lead the county's
 *   education groups) — their sizes and places are illustrative;
 * - village schools in the villages at least 3 km from their seat, by code order within the township: the 1st,
 *   4th, 7th … have a village complete primary (one or two classes per level, six classrooms, no beds) and a
 *   village kindergarten; the 2nd, 5th, … a teaching point (grades 1–3, classes of 30); the rest none;
 *   their seats roughly match the village's own pupils, so most are small (under 100 pupils);
 * - candidates: a new primary (华南师范大学附属东源小学, up to 36 classes as planned, domain.md §7) and kindergarten
 *   at the county seat, a new kindergarten at each township seat of 17 or more units: expansions happen at existing schools (added classrooms and beds), not new village sites.
 * @module
 */
import type { Feature, FeatureCollection, Point, Position } from "geojson";

/** The properties the demo reads from data/dongyuan/settlements.geojson. */
export interface DongyuanSettlement {
  /** 12-digit NBS code of the village-level unit. */
  readonly id: string;
  /** Unit name. */
  readonly name: string;
  /** Township name. */
  readonly town: string;
  /** Township code. */
  readonly town_code: string;
  /** True for the township-centre unit at the seat. */
  readonly at_seat: boolean;
  /** Children aged 3–5. */
  readonly kindergarten: number;
  /** Pupils of grades 1–3. */
  readonly primary1to3: number;
  /** Pupils of grades 4–6. */
  readonly primary4to6: number;
  /** Pupils of grades 7–9. */
  readonly junior: number;
}

/** The properties of data/dongyuan/sites.geojson (township seats). */
export interface DongyuanSite {
  /** Township code. */
  readonly id: string;
  /** `"<township> seat"`. */
  readonly name: string;
  /** Township name. */
  readonly town: string;
  /** Township code. */
  readonly town_code: string;
  /** County seat or township. */
  readonly tier: "county seat" | "township";
  /** Village-level units of the township. */
  readonly n_village_units: number;
}

/** The label every made-up school and collection carries. */
export const SCHOOLS_LABEL = "illustrative: no open list of Dongyuan's schools exists; made up by examples/dongyuan/schools.ts";

/** Villages at least this far from their seat (great-circle km) may have a village school. */
export const VILLAGE_SCHOOL_MIN_KM = 3;

function km(a: Position, b: Position): number {
  const rad = Math.PI / 180;
  const [lon1, lat1] = [(a[0] as number) * rad, (a[1] as number) * rad];
  const [lon2, lat2] = [(b[0] as number) * rad, (b[1] as number) * rad];
  const h = Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

const classesFor = (pupils: number, size: number, least: number, most: number): number => Math.max(least, Math.min(most, Math.ceil(pupils / size)));

/**
 * Builds the illustrative existing schools and the candidate sites (rules in the module comment).
 * @param settlements - data/dongyuan/settlements.geojson
 * @param sites - data/dongyuan/sites.geojson (township seats)
 * @returns existing schools and candidate sites as GeoJSON (properties as docs/schemas/schools.schema.json)
 */
export function dongyuanSchools(
  settlements: FeatureCollection<Point, DongyuanSettlement>,
  sites: FeatureCollection<Point, DongyuanSite>,
): { existing: FeatureCollection; candidates: FeatureCollection } {
  const existing: Feature[] = [];
  const candidates: Feature[] = [];
  const school = (list: Feature[], at: Position, id: string, name: string, township: string, properties: Record<string, unknown>): void => {
    list.push({ type: "Feature", id, geometry: { type: "Point", coordinates: at }, properties: { id, name, township, illustrative: true, ...properties } });
  };
  const countySeatUnit = settlements.features.find((f) => f.properties.name.includes("县城"));
  for (const site of sites.features) {
    const code = site.properties.town_code;
    const town = site.properties.town;
    const seat = site.geometry.coordinates;
    const own = settlements.features.filter((f) => f.properties.town_code === code);
    const sum = (level: "kindergarten" | "primary1to3" | "primary4to6" | "junior") => own.reduce((s, f) => s + f.properties[level], 0);
    const countySeat = site.properties.tier === "county seat";
    // The county seat's own schools take about half of its township's pupils; township central schools half of theirs.
    school(existing, seat, `K-${code}`, `${town}中心幼儿园`, code, {
      type: "kindergarten", tier: "township", classes: { kindergarten: classesFor(0.7 * sum("kindergarten"), 30, 3, 12) }, maxAddedClassrooms: 4,
    });
    if (site.properties.n_village_units >= 14) {
      school(existing, seat, `P-${code}`, `${town}中心小学`, code, {
        type: "complete primary", tier: "township", beds: 60, maxAddedClassrooms: 8,
        classes: { primary1to3: classesFor(0.55 * sum("primary1to3"), 45, 3, 18), primary4to6: classesFor(0.6 * sum("primary4to6"), 45, 3, 18) },
      });
      school(existing, seat, `J-${code}`, `${town}中学`, code, {
        type: "junior", tier: "township", beds: Math.round(0.35 * sum("junior")), maxAddedClassrooms: 8,
        classes: { junior: classesFor((countySeat ? 0.6 : 1.1) * sum("junior"), 50, 6, 30) },
      });
    } else {
      school(existing, seat, `N-${code}`, `${town}九年一贯制学校`, code, {
        type: "nine-year", tier: "township", beds: Math.round(0.3 * (sum("junior") + 0.5 * sum("primary4to6"))), maxAddedClassrooms: 8,
        classes: {
          primary1to3: classesFor(0.55 * sum("primary1to3"), 45, 2, 12), primary4to6: classesFor(0.6 * sum("primary4to6"), 45, 2, 12),
          junior: classesFor(1.1 * sum("junior"), 50, 3, 24),
        },
      });
    }
    if (countySeat && countySeatUnit !== undefined) {
      const at = countySeatUnit.geometry.coordinates;
      school(existing, at, "CS-J", "东源县实验中学", code, { type: "junior", tier: "county seat", required: true, classes: { junior: 36 }, beds: 900, maxAddedClassrooms: 12 });
      school(existing, at, "CS-P", "东源县第一小学", code, { type: "complete primary", tier: "county seat", required: true, classes: { primary1to3: 15, primary4to6: 15 }, maxAddedClassrooms: 12, maxAddedBeds: 0 });
      school(existing, at, "CS-K", "东源县第一幼儿园", code, { type: "kindergarten", tier: "county seat", required: true, classes: { kindergarten: 10 }, maxAddedClassrooms: 2 });
      school(candidates, at, "CS-P-new", "华南师范大学附属东源小学（拟建）", code, { type: "complete primary", tier: "county seat", maxAddedClassrooms: 36, maxAddedBeds: 0 });
      school(candidates, at, "CS-K-new", "县城新幼儿园（拟建）", code, { type: "kindergarten", tier: "county seat", maxAddedClassrooms: 12 });
    }
    if (site.properties.n_village_units >= 17) {
      school(candidates, seat, `K-${code}-new`, `${town}第二幼儿园（拟建）`, code, { type: "kindergarten", tier: "township", maxAddedClassrooms: 9 });
    }
    const villages = own.filter((f) => !f.properties.at_seat && !f.properties.name.includes("县城") && km(f.geometry.coordinates, seat) >= VILLAGE_SCHOOL_MIN_KM);
    villages.forEach((v, r) => {
      const p = v.properties;
      const at = v.geometry.coordinates;
      const name = p.name.replace(/(村委会|居委会)$/, "");
      if (r % 3 === 0) {
        school(existing, at, `VP-${p.id}`, `${name}小学`, code, {
          type: "complete primary", tier: "village", classrooms: 6, maxAddedClassrooms: 0, maxAddedBeds: 0,
          classes: { primary1to3: classesFor(p.primary1to3, 45, 1, 2), primary4to6: classesFor(p.primary4to6, 45, 1, 2) },
        });
        school(existing, at, `VK-${p.id}`, `${name}幼儿园`, code, {
          type: "kindergarten", tier: "village", classrooms: 3, maxAddedClassrooms: 0, maxAddedBeds: 0, classes: { kindergarten: classesFor(p.kindergarten, 30, 1, 3) },
        });
      } else if (r % 3 === 1) {
        school(existing, at, `TP-${p.id}`, `${name}教学点`, code, {
          type: "teaching point", tier: "village", classrooms: 3, maxAddedClassrooms: 0, maxAddedBeds: 0, classes: { primary1to3: classesFor(p.primary1to3, 30, 1, 2) },
        });
      }
    });
  }
  const metadata = (what: string) => ({ description: `${what} of 东源县: ${SCHOOLS_LABEL}`, illustrative: true, rules: "examples/dongyuan/schools.ts (module comment)" });
  return {
    existing: { type: "FeatureCollection", features: existing, metadata: metadata("Existing schools") } as FeatureCollection,
    candidates: { type: "FeatureCollection", features: candidates, metadata: metadata("Candidate sites") } as FeatureCollection,
  };
}
