/**
 * The Dongyuan demo's data sources and notes, in Chinese and English, for the report, summary.md and the maps:
 * what is census data, what is placed or estimated, and what is made up.
 * @module
 */

/** A township the source data gives no location for, and its pupils aged 6–14. */
export interface LeftOutTownship {
  /** Township name. */
  readonly town: string;
  /** Its pupils aged 6–14. */
  readonly pupils_6_14: number;
}

/** What the notes report of this run. */
export interface DongyuanNoteFigures {
  /** Townships left out (no location in the source). */
  readonly leftOut: readonly LeftOutTownship[];
  /** Village schools the small-school guarantee protects. */
  readonly guaranteed: number;
}

/** The data sources and notes of the demo. */
export interface DongyuanNotes {
  /** One line per source. */
  readonly sources: readonly string[];
  /** The caveats, one paragraph each. */
  readonly notes: readonly string[];
}

/**
 * The demo's sources and notes in a language.
 * @param language - `zh` or `en`
 * @param figures - the townships left out and the number of protected village schools
 */
export function dongyuanNotes(language: "zh" | "en", figures: DongyuanNoteFigures): DongyuanNotes {
  const { leftOut, guaranteed } = figures;
  if (language === "zh") {
    return {
      sources: [
        "居民点：村级单位与乡镇驻地，国家统计局 2016 年区划代码（Vonng/adcode，CC BY 4.0）；县界：高德经 Vonng/adcode（CC BY 4.0），GCJ-02 转 WGS-84；非官方地图。",
        "学生：第七次全国人口普查（2020）分县数据，Dong、Du 与 Liu 整理（leiii/census，MIT），分配到各村级单位（data/README.md）。",
        "学校、候选校址、办学资源与成本参数：示意（examples/dongyuan/）。",
      ],
      notes: [
        "各居民点学生数是 2020 年普查分县年龄组在 284 个村级单位上的分配，不是学校统计；其中 232 个点位按书面规则放置（源数据无点位），各居民点面积（areaKm2，用于内部出行）为估算（data/README.md）。",
        ...leftOut.map((t) => `未纳入：${t.town}，6–14 岁 ${t.pupils_6_14} 人，源数据无其位置。`),
        "学校为示意（examples/dongyuan/schools.ts）：东源县没有公开的学校名录；乡镇和村级学校的教室按现状就近入学的学生配足（examples/dongyuan/statusQuoRooms.ts）。" +
          "出行与县级规则同为示意：幼儿和 1–3 年级由家长电动车接送（时速 20 公里），4–9 年级乘校车（山区道路时速 30 公里）；4–9 年级走读单程不超过 30 分钟，超出则寄宿；" +
          `开办的村级完全小学至少 100 人、教学点至少 10 人，小规模学校保障（1–3 年级 30 分钟内）所需的 ${guaranteed} 所村级学校除外。`,
      ],
    };
  }
  return {
    sources: [
      "Settlements: village-level units and township seats, NBS 2016 administrative codes (Vonng/adcode, CC BY 4.0); county boundary: Gaode via Vonng/adcode (CC BY 4.0), GCJ-02 → WGS-84; not an official map.",
      "Pupils: 7th National Population Census (2020) county tables compiled by Dong, Du & Liu (leiii/census, MIT), allocated to the units (data/README.md).",
      "Schools, candidate sites, resource totals and cost figures: illustrative (examples/dongyuan/).",
    ],
    notes: [
      "Pupils per settlement are an allocation of the 2020 census county cohorts over the 284 village-level units, not school " +
        "data; 232 of the points are placed by a documented rule (no source point) and every settlement's area (areaKm2, for the " +
        "trip inside it) is an estimate (data/README.md).",
      ...leftOut.map((t) => `Left out: ${t.town}, ${t.pupils_6_14} pupils aged 6–14, has no location in the source data.`),
      "The schools are illustrative (examples/dongyuan/schools.ts): no open list of Dongyuan's schools exists; township and " +
        "village schools have the classrooms their status-quo pupils fill (examples/dongyuan/statusQuoRooms.ts). The travel and " +
        "county rules are illustrative too: kindergarten children and grades 1–3 go with a parent by e-bike (20 km/h), grades " +
        "4–9 by school bus (30 km/h on mountain roads); day pupils of grades 4–9 ride at most 30 minutes, beyond " +
        "which they board; an open village complete primary keeps at least 100 pupils and a teaching point 10, except the " +
        `${guaranteed} village schools the small-school guarantee protects for grades 1–3 (30 minutes).`,
    ],
  };
}
