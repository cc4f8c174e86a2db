import { describe, expect, it } from "vitest";
import { travelBasisText } from "../../src/render/messages/travelBasis.ts";

const FALLBACK =
  "kindergarten, primary1to3 by ebike: no road network: great-circle distance × detour factor 1.3 (assumed) at 20 km/h (assumed), in minutes | " +
  "primary4to6, junior by schoolBus: no road network: great-circle distance × detour factor 1.3 (assumed) at 30 km/h (assumed), in minutes; " +
  "within a settlement's area A: at least (2/3)·√(A/π) × detour 1.3 at kindergarten 20 km/h, primary1to3 20 km/h, primary4to6 30 km/h, junior 30 km/h (assumed; mean distance to the centre of a disc)";
const ROADS =
  "junior by schoolBus: road network (812 nodes, 903 segments), mode schoolBus, points snapped within 1000 m, off-network legs walked at 5 km/h " +
  "(points within 1000 m of each other may also walk straight across); times above 60 minutes not kept";

describe("travelBasisText", () => {
  it("keeps the English basis, the level ids written as the levels' names", () => {
    expect(travelBasisText(FALLBACK, "en")).toBe(FALLBACK.replace(/primary1to3/g, "primary grades 1–3").replace(/primary4to6/g, "primary grades 4–6").replace(/junior/g, "junior secondary"));
  });

  it("says the straight-line fallback and the within-area rule in Chinese, every figure kept", () => {
    const zh = travelBasisText(FALLBACK, "zh");
    expect(zh).toBe(
      "幼儿园、小学1–3年级：电动自行车，无路网：大圆距离 × 绕行系数 1.3（假定），时速 20 公里（假定），以分钟计；" +
        "小学4–6年级、初中：校车，无路网：大圆距离 × 绕行系数 1.3（假定），时速 30 公里（假定），以分钟计；" +
        "居民点内部出行（面积 A）：至少 (2/3)·√(A/π) × 绕行系数 1.3，时速 幼儿园 20 公里、小学1–3年级 20 公里、小学4–6年级 30 公里、初中 30 公里（假定；圆盘内各点到圆心的平均距离）",
    );
  });

  it("says a road-network basis in Chinese with no English word left", () => {
    const zh = travelBasisText(ROADS, "zh");
    expect(zh).toContain("路网（812 个节点、903 条路段）");
    expect(zh).toContain("超过 60 分钟的时间不保留");
    expect(zh).not.toMatch(/[a-z]{3,}/i);
  });

  it("leaves a caller's own text as given", () => {
    expect(travelBasisText("survey of parents, 2025", "zh")).toBe("survey of parents, 2025");
  });
});
